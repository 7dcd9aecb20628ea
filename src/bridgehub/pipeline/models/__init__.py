from bridgehub.pipeline.models.relationship import Relationship, RelationshipNote, StageConfirmation, StageEvent
from bridgehub.pipeline.models.settings import ExchangeRate, PipelineSettings

__all__ = ["ExchangeRate", "PipelineSettings", "Relationship", "RelationshipNote", "StageConfirmation", "StageEvent"]

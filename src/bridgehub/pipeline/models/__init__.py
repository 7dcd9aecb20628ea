from bridgehub.pipeline.models.relationship import Relationship, RelationshipNote, StageConfirmation, StageEvent

__all__ = ["Relationship", "RelationshipNote", "StageConfirmation", "StageEvent"]

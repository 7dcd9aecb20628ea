from bridgehub.exchanges.models.meeting import Meeting, MeetingFeedback, NoShowReport, ScheduleRun, SchedulingJob
from bridgehub.exchanges.models.participation import MeetingRequest, Registration
from bridgehub.exchanges.models.round import Interpreter, Programme, Round

__all__ = ["Interpreter", "Meeting", "MeetingFeedback", "MeetingRequest", "NoShowReport", "Programme",
           "Registration", "Round", "ScheduleRun", "SchedulingJob"]

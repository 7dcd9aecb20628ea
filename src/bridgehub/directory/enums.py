from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class OrganisationKind(models.TextChoices):
    STARTUP = "startup", _("Start-up")
    INVESTOR = "investor", _("Investor")
    CORPORATE = "corporate", _("Corporate")
    UNIVERSITY = "university", _("University or research institute")
    PUBLIC_AGENCY = "public_agency", _("Public agency")
    SERVICE_PROVIDER = "service_provider", _("Service provider")


class InvestorType(models.TextChoices):
    VC = "vc", _("Venture capital")
    CORPORATE_VC = "corporate_vc", _("Corporate VC")
    UNIVERSITY_VC = "university_vc", _("University VC")
    ANGEL = "angel", _("Angel investor")
    INSTITUTIONAL = "institutional", _("Insurer or institutional investor")


class Stage(models.TextChoices):
    PRE_SEED = "pre_seed", _("Pre-seed")
    SEED = "seed", _("Seed")
    SERIES_A = "series_a", _("Series A")
    SERIES_B = "series_b", _("Series B")
    GROWTH = "growth", _("Growth / pre-IPO")


class Direction(models.TextChoices):
    ASK = "ask", pgettext_lazy("what an organisation is looking for", "Ask")
    OFFER = "offer", pgettext_lazy("what an organisation provides", "Offer")


class AskOfferKind(models.TextChoices):
    FUNDING = "funding", _("Funding")
    POC_PARTNER = "poc_partner", _("PoC partner")
    DISTRIBUTION = "distribution", _("Distribution in a market")
    MANUFACTURING = "manufacturing", _("Manufacturing")
    TALENT = "talent", _("Talent")
    RND_COLLABORATION = "rnd_collaboration", _("R&D collaboration")
    MARKET_ENTRY = "market_entry", _("Market-entry support")


class TalentRole(models.TextChoices):
    ML_ENGINEER = "ml_engineer", _("Machine-learning engineer")
    PROCESS_ENGINEER = "process_engineer", _("Process engineer")
    IC_DESIGN_ENGINEER = "ic_design_engineer", _("IC design engineer")
    FIRMWARE_ENGINEER = "firmware_engineer", _("Firmware engineer")
    SECURITY_ENGINEER = "security_engineer", _("Security engineer")
    CLINICAL_AFFAIRS = "clinical_affairs", _("Clinical affairs")
    BD_JAPAN = "bd_japan", _("Business development (Japan)")
    BD_TAIWAN = "bd_taiwan", _("Business development (Taiwan)")
    OTHER = "other", pgettext_lazy("talent role", "Other")


class Country(models.TextChoices):
    TW = "TW", _("Taiwan")
    JP = "JP", _("Japan")
    US = "US", _("United States")
    SG = "SG", _("Singapore")
    TH = "TH", _("Thailand")
    VN = "VN", _("Vietnam")
    MY = "MY", _("Malaysia")
    ID = "ID", _("Indonesia")
    PH = "PH", _("Philippines")
    KR = "KR", _("South Korea")
    IN = "IN", _("India")
    GB = "GB", _("United Kingdom")
    DE = "DE", _("Germany")
    FR = "FR", _("France")


class ApprovalStatus(models.TextChoices):
    PENDING = "pending", _("Waiting for approval")
    APPROVED = "approved", _("Approved")
    REJECTED = "rejected", _("Rejected")


class OrgRole(models.TextChoices):
    ADMIN = "admin", _("Organisation admin")
    MEMBER = "member", _("Organisation member")


class ImportKind(models.TextChoices):
    ORGANISATIONS = "organisations", _("Organisations")
    PEOPLE = "people", _("People")


class ImportStatus(models.TextChoices):
    PREVIEWED = "previewed", _("Previewed, not written")
    COMMITTING = "committing", _("Being written by the background worker")
    COMMITTED = "committed", _("Imported")
    CANCELLED = "cancelled", _("Cancelled")

using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Entraide.App.Infrastructure.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "cooperation_requests",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Reference = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Type = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    RequestingState = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: false),
                    RequestedState = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: false),
                    Status = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    Channel = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    Urgent = table.Column<bool>(type: "boolean", nullable: false),
                    Language = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    Confidential = table.Column<bool>(type: "boolean", nullable: false),
                    FieldsJson = table.Column<string>(type: "text", nullable: false),
                    ConductTerms = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    SearchText = table.Column<string>(type: "character varying(600)", maxLength: 600, nullable: false),
                    DeadlineAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    DeadlineReasons = table.Column<string>(type: "text", nullable: true),
                    CreatedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    CreatedByName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    SubmittedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    AcknowledgedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    AcknowledgeBy = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    EscalatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ConfidentialityAcceptedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Consulted = table.Column<bool>(type: "boolean", nullable: false),
                    Ground = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    GroundReasons = table.Column<string>(type: "text", nullable: true),
                    ExecutedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    PreservationExpiresAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    PreservationExtensions = table.Column<int>(type: "integer", nullable: false),
                    PreservationDays = table.Column<int>(type: "integer", nullable: true),
                    PreservationReminderAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    OverdueSince = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    PrecedingRequestId = table.Column<Guid>(type: "uuid", nullable: true),
                    FollowUpRequestId = table.Column<Guid>(type: "uuid", nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_cooperation_requests", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "cooperation_submission_keys",
                columns: table => new
                {
                    ActorId = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Key = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    RequestHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    RequestId = table.Column<Guid>(type: "uuid", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_cooperation_submission_keys", x => new { x.ActorId, x.Key });
                });

            migrationBuilder.CreateTable(
                name: "deliberation_consultations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Title = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    Question = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    Invitation = table.Column<string>(type: "text", nullable: false),
                    Introduction = table.Column<string>(type: "text", nullable: true),
                    Language = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    Symbol = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: true),
                    OpenedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    OpenedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    OriginalDeadline = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Deadline = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    InvitedStates = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_deliberation_consultations", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "deliberation_drafts",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    OwnerState = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: true),
                    Symbol = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: true),
                    Title = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    AgendaItem = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    Language = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    CurrentRevision = table.Column<int>(type: "integer", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    CreatedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    IssuedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ResolutionNumber = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    IssuedRevision = table.Column<int>(type: "integer", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_deliberation_drafts", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "evidence_items",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    RequestId = table.Column<Guid>(type: "uuid", nullable: false),
                    PackageId = table.Column<Guid>(type: "uuid", nullable: false),
                    OwnerStateCode = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: false),
                    FileName = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: false),
                    Description = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    Custodian = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    SourceSystem = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    AcquisitionMethod = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    AcquisitionTool = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    AcquiredAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    AcquiredBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Length = table.Column<long>(type: "bigint", nullable: false),
                    Received = table.Column<long>(type: "bigint", nullable: false),
                    DeclaredSha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    WithSha512 = table.Column<bool>(type: "boolean", nullable: false),
                    Sha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    Sha512 = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: true),
                    StorageKey = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    WrappedKey = table.Column<byte[]>(type: "bytea", maxLength: 128, nullable: false),
                    KeyId = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    UploadedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    UploadedByName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ExpiresAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    SealedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_evidence_items", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "evidence_packages",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    RequestId = table.Column<Guid>(type: "uuid", nullable: false),
                    OwnerStateCode = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: false),
                    CreatedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    SealedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    SealedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_evidence_packages", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "host_data_protection_keys",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    FriendlyName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    Xml = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_host_data_protection_keys", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "knowledge_cases",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    State = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: false),
                    Kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Title = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    Summary = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: false),
                    Language = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    Date = table.Column<DateOnly>(type: "date", nullable: false),
                    Source = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    Terms = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    Provisions = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    Example = table.Column<bool>(type: "boolean", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_knowledge_cases", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "knowledge_documents",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Symbol = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Title = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    Language = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    Date = table.Column<DateOnly>(type: "date", nullable: false),
                    Text = table.Column<string>(type: "text", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_knowledge_documents", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "knowledge_works",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    State = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: false),
                    Title = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    Type = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    OriginalLanguage = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    AdoptedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    RepealedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    Example = table.Column<bool>(type: "boolean", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_knowledge_works", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "network_authorities",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    State = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: false),
                    Kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Name = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Address = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    Phones = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    Email = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: true),
                    Languages = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    OfficeHours = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    TimeZone = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    PreferredChannel = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    AroundTheClock = table.Column<bool>(type: "boolean", nullable: false),
                    AddressPublic = table.Column<bool>(type: "boolean", nullable: false),
                    EmailPublic = table.Column<bool>(type: "boolean", nullable: false),
                    PhonesPublic = table.Column<bool>(type: "boolean", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    LastVerifiedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    PendingCheckDueBy = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_network_authorities", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "network_profile_flags",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    State = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: false),
                    Note = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    RaisedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    RaisedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ResolvedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ResolvedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Resolution = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_network_profile_flags", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "network_profile_versions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    State = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: false),
                    Number = table.Column<int>(type: "integer", nullable: false),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ActorId = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ActorName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Change = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    Snapshot = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_network_profile_versions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "network_profiles",
                columns: table => new
                {
                    State = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: false),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    SignedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    RatifiedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    RequiresDualCriminalityForPreservation = table.Column<bool>(type: "boolean", nullable: false),
                    RequiresDualCriminality = table.Column<bool>(type: "boolean", nullable: false),
                    PoliticalOffenceTerms = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    AcceptedLanguages = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    AcceptsUrgentRequestsOrally = table.Column<bool>(type: "boolean", nullable: false),
                    AcceptsUrgentRequestsByEmail = table.Column<bool>(type: "boolean", nullable: false),
                    CriminalisedOptionalCategories = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    NotCriminalisedOptionalCategories = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    EmergencyAcknowledgementHours = table.Column<int>(type: "integer", nullable: false),
                    Notes = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_network_profiles", x => x.State);
                });

            migrationBuilder.CreateTable(
                name: "network_verification_checks",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    RoundId = table.Column<Guid>(type: "uuid", nullable: false),
                    State = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: false),
                    AuthorityId = table.Column<Guid>(type: "uuid", nullable: false),
                    AuthorityName = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    SentAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    DueBy = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    AcknowledgedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    AcknowledgedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_network_verification_checks", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "network_verification_rounds",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    StartedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    StartedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ResponseMinutes = table.Column<int>(type: "integer", nullable: false),
                    Message = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_network_verification_rounds", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "notifications_delivery_attempts",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    DeliveryId = table.Column<Guid>(type: "uuid", nullable: false),
                    WebhookId = table.Column<Guid>(type: "uuid", nullable: true),
                    StateCode = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: true),
                    Kind = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Number = table.Column<int>(type: "integer", nullable: false),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    DurationMs = table.Column<int>(type: "integer", nullable: false),
                    StatusCode = table.Column<int>(type: "integer", nullable: true),
                    Succeeded = table.Column<bool>(type: "boolean", nullable: false),
                    Error = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_notifications_delivery_attempts", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "notifications_messages",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    RecipientState = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: true),
                    RecipientRoles = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    Link = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    SubjectId = table.Column<Guid>(type: "uuid", nullable: true),
                    Urgent = table.Column<bool>(type: "boolean", nullable: false),
                    Arguments = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_notifications_messages", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "notifications_webhooks",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    StateCode = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: false),
                    Url = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    Description = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Events = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    ProtectedSecret = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    SecretPrefix = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Active = table.Column<bool>(type: "boolean", nullable: false),
                    CreatedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_notifications_webhooks", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "trust_api_tokens",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    StateCode = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: true),
                    Roles = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    SecretDigest = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Prefix = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    CreatedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ExpiresAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    RevokedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_trust_api_tokens", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "trust_audit_entries",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Sequence = table.Column<long>(type: "bigint", nullable: true),
                    OccurredAtMs = table.Column<long>(type: "bigint", nullable: false),
                    ActorId = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    StateCode = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: true),
                    Action = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    EntityType = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    EntityId = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    BeforeDigest = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    AfterDigest = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    Hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    Seal = table.Column<string>(type: "character varying(96)", maxLength: 96, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_trust_audit_entries", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "trust_audit_head",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false),
                    Sequence = table.Column<long>(type: "bigint", nullable: false),
                    Hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_trust_audit_head", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "trust_roles",
                columns: table => new
                {
                    Id = table.Column<string>(type: "text", nullable: false),
                    Name = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    NormalizedName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    ConcurrencyStamp = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_trust_roles", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "trust_sign_in_failures",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Account = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Address = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_trust_sign_in_failures", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "trust_users",
                columns: table => new
                {
                    Id = table.Column<string>(type: "text", nullable: false),
                    StateCode = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: true),
                    DisplayName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    PreferredLanguage = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    LastTotpStep = table.Column<long>(type: "bigint", nullable: true),
                    UserName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    NormalizedUserName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    Email = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    NormalizedEmail = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    EmailConfirmed = table.Column<bool>(type: "boolean", nullable: false),
                    PasswordHash = table.Column<string>(type: "text", nullable: true),
                    SecurityStamp = table.Column<string>(type: "text", nullable: true),
                    ConcurrencyStamp = table.Column<string>(type: "text", nullable: true),
                    PhoneNumber = table.Column<string>(type: "text", nullable: true),
                    PhoneNumberConfirmed = table.Column<bool>(type: "boolean", nullable: false),
                    TwoFactorEnabled = table.Column<bool>(type: "boolean", nullable: false),
                    LockoutEnd = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    LockoutEnabled = table.Column<bool>(type: "boolean", nullable: false),
                    AccessFailedCount = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_trust_users", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "cooperation_assignments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    RequestId = table.Column<Guid>(type: "uuid", nullable: false),
                    StateCode = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: false),
                    AssigneeId = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    AssigneeName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    AssignedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    AssignedByName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    AssignedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_cooperation_assignments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_cooperation_assignments_cooperation_requests_RequestId",
                        column: x => x.RequestId,
                        principalTable: "cooperation_requests",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "cooperation_attachments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    RequestId = table.Column<Guid>(type: "uuid", nullable: false),
                    FileName = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: false),
                    ContentType = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Size = table.Column<long>(type: "bigint", nullable: false),
                    Sha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Content = table.Column<byte[]>(type: "bytea", nullable: false),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UploadedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    UploadedByName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    UploadedByState = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: false),
                    UseLimitation = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    RetentionDays = table.Column<int>(type: "integer", nullable: true),
                    ConditionsAcknowledgedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ConditionsAcknowledgedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    OnwardTransferAuthorisedTo = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    OnwardTransferRequestedTo = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: true),
                    OnwardTransferReasons = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_cooperation_attachments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_cooperation_attachments_cooperation_requests_RequestId",
                        column: x => x.RequestId,
                        principalTable: "cooperation_requests",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "cooperation_events",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    RequestId = table.Column<Guid>(type: "uuid", nullable: false),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ActorId = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    ActorName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ActorState = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: true),
                    Action = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    FromStatus = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: true),
                    ToStatus = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: true),
                    Ground = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    Reasons = table.Column<string>(type: "text", nullable: true),
                    VisibleTo = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_cooperation_events", x => x.Id);
                    table.ForeignKey(
                        name: "FK_cooperation_events_cooperation_requests_RequestId",
                        column: x => x.RequestId,
                        principalTable: "cooperation_requests",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "cooperation_messages",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    RequestId = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    AuthorId = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    AuthorName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    AuthorState = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: false),
                    Body = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: false),
                    InReplyTo = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_cooperation_messages", x => x.Id);
                    table.ForeignKey(
                        name: "FK_cooperation_messages_cooperation_requests_RequestId",
                        column: x => x.RequestId,
                        principalTable: "cooperation_requests",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "cooperation_notes",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    RequestId = table.Column<Guid>(type: "uuid", nullable: false),
                    StateCode = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: false),
                    AuthorId = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    AuthorName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Body = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_cooperation_notes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_cooperation_notes_cooperation_requests_RequestId",
                        column: x => x.RequestId,
                        principalTable: "cooperation_requests",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "deliberation_deadline_changes",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ConsultationId = table.Column<Guid>(type: "uuid", nullable: false),
                    From = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    To = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ChangedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ChangedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Reason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_deliberation_deadline_changes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_deliberation_deadline_changes_deliberation_consultations_Co~",
                        column: x => x.ConsultationId,
                        principalTable: "deliberation_consultations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "deliberation_late_acceptances",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ConsultationId = table.Column<Guid>(type: "uuid", nullable: false),
                    State = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: false),
                    Until = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    GrantedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    GrantedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_deliberation_late_acceptances", x => x.Id);
                    table.ForeignKey(
                        name: "FK_deliberation_late_acceptances_deliberation_consultations_Co~",
                        column: x => x.ConsultationId,
                        principalTable: "deliberation_consultations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "deliberation_submissions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ConsultationId = table.Column<Guid>(type: "uuid", nullable: false),
                    State = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: false),
                    OriginalLanguage = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    SubmittedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    SubmittedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Late = table.Column<bool>(type: "boolean", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_deliberation_submissions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_deliberation_submissions_deliberation_consultations_Consult~",
                        column: x => x.ConsultationId,
                        principalTable: "deliberation_consultations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "deliberation_draft_revisions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    DraftId = table.Column<Guid>(type: "uuid", nullable: false),
                    Number = table.Column<int>(type: "integer", nullable: false),
                    OwnerState = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: true),
                    Title = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    BudgetImplications = table.Column<string>(type: "text", nullable: true),
                    ParagraphsJson = table.Column<string>(type: "text", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    CreatedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_deliberation_draft_revisions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_deliberation_draft_revisions_deliberation_drafts_DraftId",
                        column: x => x.DraftId,
                        principalTable: "deliberation_drafts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "deliberation_draft_sponsors",
                columns: table => new
                {
                    DraftId = table.Column<Guid>(type: "uuid", nullable: false),
                    State = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: false),
                    Kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    JoinedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    RecordedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    RecordedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_deliberation_draft_sponsors", x => new { x.DraftId, x.State });
                    table.ForeignKey(
                        name: "FK_deliberation_draft_sponsors_deliberation_drafts_DraftId",
                        column: x => x.DraftId,
                        principalTable: "deliberation_drafts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "deliberation_votes",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    DraftId = table.Column<Guid>(type: "uuid", nullable: true),
                    Body = table.Column<string>(type: "character varying(4)", maxLength: 4, nullable: false),
                    DraftSymbol = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    AmendmentSymbol = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: true),
                    ParagraphKind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    ParagraphNumber = table.Column<int>(type: "integer", nullable: true),
                    Date = table.Column<DateOnly>(type: "date", nullable: false),
                    Method = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Majority = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    CreatedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ClosedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ClosedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Outcome = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    Yes = table.Column<int>(type: "integer", nullable: false),
                    No = table.Column<int>(type: "integer", nullable: false),
                    Abstain = table.Column<int>(type: "integer", nullable: false),
                    NonParticipating = table.Column<int>(type: "integer", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_deliberation_votes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_deliberation_votes_deliberation_drafts_DraftId",
                        column: x => x.DraftId,
                        principalTable: "deliberation_drafts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "evidence_custody_events",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ItemId = table.Column<Guid>(type: "uuid", nullable: false),
                    RequestId = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    ActorId = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    ActorName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ActorState = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: true),
                    ItemOwnerState = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: false),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Address = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    Sha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    Detail = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_evidence_custody_events", x => x.Id);
                    table.ForeignKey(
                        name: "FK_evidence_custody_events_evidence_items_ItemId",
                        column: x => x.ItemId,
                        principalTable: "evidence_items",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "knowledge_expressions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    WorkId = table.Column<Guid>(type: "uuid", nullable: false),
                    State = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: false),
                    Language = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    Date = table.Column<DateOnly>(type: "date", nullable: false),
                    Title = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    Note = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_knowledge_expressions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_knowledge_expressions_knowledge_works_WorkId",
                        column: x => x.WorkId,
                        principalTable: "knowledge_works",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "notifications_deliveries",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    MessageId = table.Column<Guid>(type: "uuid", nullable: false),
                    Channel = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    UserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    Address = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: true),
                    Language = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: true),
                    WebhookId = table.Column<Guid>(type: "uuid", nullable: true),
                    StateCode = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: true),
                    Urgent = table.Column<bool>(type: "boolean", nullable: false),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Attempts = table.Column<int>(type: "integer", nullable: false),
                    NextAttemptAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    LeaseUntil = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    LeaseOwner = table.Column<Guid>(type: "uuid", nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    CompletedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    LastStatusCode = table.Column<int>(type: "integer", nullable: true),
                    LastError = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_notifications_deliveries", x => x.Id);
                    table.ForeignKey(
                        name: "FK_notifications_deliveries_notifications_messages_MessageId",
                        column: x => x.MessageId,
                        principalTable: "notifications_messages",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "notifications_inbox",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    MessageId = table.Column<Guid>(type: "uuid", nullable: false),
                    UserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    StateCode = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: true),
                    Urgent = table.Column<bool>(type: "boolean", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ReadAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_notifications_inbox", x => x.Id);
                    table.ForeignKey(
                        name: "FK_notifications_inbox_notifications_messages_MessageId",
                        column: x => x.MessageId,
                        principalTable: "notifications_messages",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "trust_role_claims",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    RoleId = table.Column<string>(type: "text", nullable: false),
                    ClaimType = table.Column<string>(type: "text", nullable: true),
                    ClaimValue = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_trust_role_claims", x => x.Id);
                    table.ForeignKey(
                        name: "FK_trust_role_claims_trust_roles_RoleId",
                        column: x => x.RoleId,
                        principalTable: "trust_roles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "trust_user_claims",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    UserId = table.Column<string>(type: "text", nullable: false),
                    ClaimType = table.Column<string>(type: "text", nullable: true),
                    ClaimValue = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_trust_user_claims", x => x.Id);
                    table.ForeignKey(
                        name: "FK_trust_user_claims_trust_users_UserId",
                        column: x => x.UserId,
                        principalTable: "trust_users",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "trust_user_logins",
                columns: table => new
                {
                    LoginProvider = table.Column<string>(type: "text", nullable: false),
                    ProviderKey = table.Column<string>(type: "text", nullable: false),
                    ProviderDisplayName = table.Column<string>(type: "text", nullable: true),
                    UserId = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_trust_user_logins", x => new { x.LoginProvider, x.ProviderKey });
                    table.ForeignKey(
                        name: "FK_trust_user_logins_trust_users_UserId",
                        column: x => x.UserId,
                        principalTable: "trust_users",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "trust_user_roles",
                columns: table => new
                {
                    UserId = table.Column<string>(type: "text", nullable: false),
                    RoleId = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_trust_user_roles", x => new { x.UserId, x.RoleId });
                    table.ForeignKey(
                        name: "FK_trust_user_roles_trust_roles_RoleId",
                        column: x => x.RoleId,
                        principalTable: "trust_roles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_trust_user_roles_trust_users_UserId",
                        column: x => x.UserId,
                        principalTable: "trust_users",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "trust_user_tokens",
                columns: table => new
                {
                    UserId = table.Column<string>(type: "text", nullable: false),
                    LoginProvider = table.Column<string>(type: "text", nullable: false),
                    Name = table.Column<string>(type: "text", nullable: false),
                    Value = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_trust_user_tokens", x => new { x.UserId, x.LoginProvider, x.Name });
                    table.ForeignKey(
                        name: "FK_trust_user_tokens_trust_users_UserId",
                        column: x => x.UserId,
                        principalTable: "trust_users",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "deliberation_submission_attachments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    SubmissionId = table.Column<Guid>(type: "uuid", nullable: false),
                    State = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: false),
                    FileName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ContentType = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Size = table.Column<long>(type: "bigint", nullable: false),
                    Sha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Content = table.Column<byte[]>(type: "bytea", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_deliberation_submission_attachments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_deliberation_submission_attachments_deliberation_submission~",
                        column: x => x.SubmissionId,
                        principalTable: "deliberation_submissions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "deliberation_submission_texts",
                columns: table => new
                {
                    SubmissionId = table.Column<Guid>(type: "uuid", nullable: false),
                    Language = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    State = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: false),
                    Text = table.Column<string>(type: "text", nullable: true),
                    Status = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    TranslatedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_deliberation_submission_texts", x => new { x.SubmissionId, x.Language });
                    table.ForeignKey(
                        name: "FK_deliberation_submission_texts_deliberation_submissions_Subm~",
                        column: x => x.SubmissionId,
                        principalTable: "deliberation_submissions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "deliberation_ballots",
                columns: table => new
                {
                    VoteId = table.Column<Guid>(type: "uuid", nullable: false),
                    State = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: false),
                    Choice = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_deliberation_ballots", x => new { x.VoteId, x.State });
                    table.ForeignKey(
                        name: "FK_deliberation_ballots_deliberation_votes_VoteId",
                        column: x => x.VoteId,
                        principalTable: "deliberation_votes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "deliberation_vote_footnotes",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    VoteId = table.Column<Guid>(type: "uuid", nullable: false),
                    State = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: false),
                    Intended = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    StatedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    RecordedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    RecordedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_deliberation_vote_footnotes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_deliberation_vote_footnotes_deliberation_votes_VoteId",
                        column: x => x.VoteId,
                        principalTable: "deliberation_votes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "knowledge_provisions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ExpressionId = table.Column<Guid>(type: "uuid", nullable: false),
                    WorkId = table.Column<Guid>(type: "uuid", nullable: false),
                    State = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: false),
                    Ordinal = table.Column<int>(type: "integer", nullable: false),
                    Eid = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Number = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Heading = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    Text = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: false),
                    Terms = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    PenaltyMinMonths = table.Column<int>(type: "integer", nullable: true),
                    PenaltyMaxMonths = table.Column<int>(type: "integer", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_knowledge_provisions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_knowledge_provisions_knowledge_expressions_ExpressionId",
                        column: x => x.ExpressionId,
                        principalTable: "knowledge_expressions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.InsertData(
                table: "trust_audit_head",
                columns: new[] { "Id", "Hash", "Sequence" },
                values: new object[] { 1, "0000000000000000000000000000000000000000000000000000000000000000", 0L });

            migrationBuilder.CreateIndex(
                name: "IX_cooperation_assignments_RequestId_StateCode",
                table: "cooperation_assignments",
                columns: new[] { "RequestId", "StateCode" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_cooperation_assignments_StateCode_AssigneeId",
                table: "cooperation_assignments",
                columns: new[] { "StateCode", "AssigneeId" });

            migrationBuilder.CreateIndex(
                name: "IX_cooperation_attachments_RequestId",
                table: "cooperation_attachments",
                column: "RequestId");

            migrationBuilder.CreateIndex(
                name: "IX_cooperation_events_RequestId_At",
                table: "cooperation_events",
                columns: new[] { "RequestId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_cooperation_messages_RequestId_At",
                table: "cooperation_messages",
                columns: new[] { "RequestId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_cooperation_notes_RequestId_StateCode_At",
                table: "cooperation_notes",
                columns: new[] { "RequestId", "StateCode", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_cooperation_requests_AcknowledgeBy",
                table: "cooperation_requests",
                column: "AcknowledgeBy",
                filter: "\"AcknowledgeBy\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_cooperation_requests_DeadlineAt",
                table: "cooperation_requests",
                column: "DeadlineAt",
                filter: "\"DeadlineAt\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_cooperation_requests_DirectLane",
                table: "cooperation_requests",
                columns: new[] { "RequestedState", "Status", "SubmittedAt" },
                filter: "\"Channel\" = 'DirectJudicial'");

            migrationBuilder.CreateIndex(
                name: "IX_cooperation_requests_PrecedingRequestId",
                table: "cooperation_requests",
                column: "PrecedingRequestId",
                unique: true,
                filter: "\"PrecedingRequestId\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_cooperation_requests_PreservationExpiresAt",
                table: "cooperation_requests",
                column: "PreservationExpiresAt",
                filter: "\"PreservationExpiresAt\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_cooperation_requests_Reference",
                table: "cooperation_requests",
                column: "Reference",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_cooperation_requests_RequestedState_AcknowledgeBy",
                table: "cooperation_requests",
                columns: new[] { "RequestedState", "AcknowledgeBy" },
                filter: "\"AcknowledgeBy\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_cooperation_requests_RequestedState_DeadlineAt",
                table: "cooperation_requests",
                columns: new[] { "RequestedState", "DeadlineAt" },
                filter: "\"DeadlineAt\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_cooperation_requests_RequestedState_Status_SubmittedAt",
                table: "cooperation_requests",
                columns: new[] { "RequestedState", "Status", "SubmittedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_cooperation_requests_RequestedState_SubmittedAt",
                table: "cooperation_requests",
                columns: new[] { "RequestedState", "SubmittedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_cooperation_requests_RequestingState_AcknowledgeBy",
                table: "cooperation_requests",
                columns: new[] { "RequestingState", "AcknowledgeBy" },
                filter: "\"AcknowledgeBy\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_cooperation_requests_RequestingState_DeadlineAt",
                table: "cooperation_requests",
                columns: new[] { "RequestingState", "DeadlineAt" },
                filter: "\"DeadlineAt\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_cooperation_requests_RequestingState_Status_UpdatedAt",
                table: "cooperation_requests",
                columns: new[] { "RequestingState", "Status", "UpdatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_cooperation_requests_RequestingState_UpdatedAt",
                table: "cooperation_requests",
                columns: new[] { "RequestingState", "UpdatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_cooperation_requests_UrgentLane",
                table: "cooperation_requests",
                columns: new[] { "RequestedState", "Status", "SubmittedAt" },
                filter: "\"Urgent\" OR \"Channel\" = 'PointOfContact'");

            migrationBuilder.CreateIndex(
                name: "IX_deliberation_consultations_OpenedAt",
                table: "deliberation_consultations",
                column: "OpenedAt");

            migrationBuilder.CreateIndex(
                name: "IX_deliberation_deadline_changes_ConsultationId",
                table: "deliberation_deadline_changes",
                column: "ConsultationId");

            migrationBuilder.CreateIndex(
                name: "IX_deliberation_draft_revisions_DraftId_Number",
                table: "deliberation_draft_revisions",
                columns: new[] { "DraftId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_deliberation_drafts_Status",
                table: "deliberation_drafts",
                column: "Status");

            migrationBuilder.CreateIndex(
                name: "IX_deliberation_drafts_Symbol",
                table: "deliberation_drafts",
                column: "Symbol",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_deliberation_late_acceptances_ConsultationId_State",
                table: "deliberation_late_acceptances",
                columns: new[] { "ConsultationId", "State" });

            migrationBuilder.CreateIndex(
                name: "IX_deliberation_submission_attachments_SubmissionId",
                table: "deliberation_submission_attachments",
                column: "SubmissionId");

            migrationBuilder.CreateIndex(
                name: "IX_deliberation_submissions_ConsultationId_State",
                table: "deliberation_submissions",
                columns: new[] { "ConsultationId", "State" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_deliberation_vote_footnotes_VoteId",
                table: "deliberation_vote_footnotes",
                column: "VoteId");

            migrationBuilder.CreateIndex(
                name: "IX_deliberation_votes_DraftId",
                table: "deliberation_votes",
                column: "DraftId");

            migrationBuilder.CreateIndex(
                name: "IX_deliberation_votes_Status_Date",
                table: "deliberation_votes",
                columns: new[] { "Status", "Date" });

            migrationBuilder.CreateIndex(
                name: "IX_evidence_custody_events_ItemId_At",
                table: "evidence_custody_events",
                columns: new[] { "ItemId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_evidence_items_ExpiresAt",
                table: "evidence_items",
                column: "ExpiresAt",
                filter: "\"ExpiresAt\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_evidence_items_KeyId",
                table: "evidence_items",
                column: "KeyId");

            migrationBuilder.CreateIndex(
                name: "IX_evidence_items_PackageId",
                table: "evidence_items",
                column: "PackageId");

            migrationBuilder.CreateIndex(
                name: "IX_evidence_items_RequestId_CreatedAt",
                table: "evidence_items",
                columns: new[] { "RequestId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_evidence_packages_RequestId_OwnerStateCode",
                table: "evidence_packages",
                columns: new[] { "RequestId", "OwnerStateCode" });

            migrationBuilder.CreateIndex(
                name: "IX_knowledge_cases_State",
                table: "knowledge_cases",
                column: "State");

            migrationBuilder.CreateIndex(
                name: "IX_knowledge_documents_Symbol_Language",
                table: "knowledge_documents",
                columns: new[] { "Symbol", "Language" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_knowledge_expressions_State",
                table: "knowledge_expressions",
                column: "State");

            migrationBuilder.CreateIndex(
                name: "IX_knowledge_expressions_WorkId_Language_Date",
                table: "knowledge_expressions",
                columns: new[] { "WorkId", "Language", "Date" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_knowledge_provisions_ExpressionId",
                table: "knowledge_provisions",
                column: "ExpressionId");

            migrationBuilder.CreateIndex(
                name: "IX_knowledge_provisions_State",
                table: "knowledge_provisions",
                column: "State");

            migrationBuilder.CreateIndex(
                name: "IX_knowledge_provisions_WorkId",
                table: "knowledge_provisions",
                column: "WorkId");

            migrationBuilder.CreateIndex(
                name: "IX_knowledge_works_State",
                table: "knowledge_works",
                column: "State");

            migrationBuilder.CreateIndex(
                name: "IX_network_authorities_State_Kind",
                table: "network_authorities",
                columns: new[] { "State", "Kind" });

            migrationBuilder.CreateIndex(
                name: "IX_network_profile_flags_State",
                table: "network_profile_flags",
                column: "State");

            migrationBuilder.CreateIndex(
                name: "IX_network_profile_versions_State_Number",
                table: "network_profile_versions",
                columns: new[] { "State", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_network_verification_checks_AuthorityId",
                table: "network_verification_checks",
                column: "AuthorityId");

            migrationBuilder.CreateIndex(
                name: "IX_network_verification_checks_RoundId",
                table: "network_verification_checks",
                column: "RoundId");

            migrationBuilder.CreateIndex(
                name: "IX_network_verification_checks_State_AcknowledgedAt",
                table: "network_verification_checks",
                columns: new[] { "State", "AcknowledgedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_notifications_deliveries_LeaseOwner",
                table: "notifications_deliveries",
                column: "LeaseOwner");

            migrationBuilder.CreateIndex(
                name: "IX_notifications_deliveries_MessageId",
                table: "notifications_deliveries",
                column: "MessageId");

            migrationBuilder.CreateIndex(
                name: "IX_notifications_deliveries_Status_NextAttemptAt",
                table: "notifications_deliveries",
                columns: new[] { "Status", "NextAttemptAt" });

            migrationBuilder.CreateIndex(
                name: "IX_notifications_deliveries_WebhookId_CreatedAt",
                table: "notifications_deliveries",
                columns: new[] { "WebhookId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_notifications_delivery_attempts_DeliveryId",
                table: "notifications_delivery_attempts",
                column: "DeliveryId");

            migrationBuilder.CreateIndex(
                name: "IX_notifications_delivery_attempts_WebhookId_At",
                table: "notifications_delivery_attempts",
                columns: new[] { "WebhookId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_notifications_inbox_MessageId",
                table: "notifications_inbox",
                column: "MessageId");

            migrationBuilder.CreateIndex(
                name: "IX_notifications_inbox_UserId_ReadAt_CreatedAt",
                table: "notifications_inbox",
                columns: new[] { "UserId", "ReadAt", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_notifications_messages_SubjectId",
                table: "notifications_messages",
                column: "SubjectId");

            migrationBuilder.CreateIndex(
                name: "IX_notifications_webhooks_StateCode_Active",
                table: "notifications_webhooks",
                columns: new[] { "StateCode", "Active" });

            migrationBuilder.CreateIndex(
                name: "IX_trust_api_tokens_SecretDigest",
                table: "trust_api_tokens",
                column: "SecretDigest",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_trust_api_tokens_StateCode",
                table: "trust_api_tokens",
                column: "StateCode");

            migrationBuilder.CreateIndex(
                name: "IX_trust_audit_entries_EntityType_EntityId",
                table: "trust_audit_entries",
                columns: new[] { "EntityType", "EntityId" });

            migrationBuilder.CreateIndex(
                name: "IX_trust_audit_entries_Seal",
                table: "trust_audit_entries",
                column: "Seal",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_trust_audit_entries_Sequence",
                table: "trust_audit_entries",
                column: "Sequence",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_trust_audit_entries_StateCode_Id",
                table: "trust_audit_entries",
                columns: new[] { "StateCode", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_trust_role_claims_RoleId",
                table: "trust_role_claims",
                column: "RoleId");

            migrationBuilder.CreateIndex(
                name: "RoleNameIndex",
                table: "trust_roles",
                column: "NormalizedName",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_trust_sign_in_failures_Account_Address_At",
                table: "trust_sign_in_failures",
                columns: new[] { "Account", "Address", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_trust_sign_in_failures_Address_At",
                table: "trust_sign_in_failures",
                columns: new[] { "Address", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_trust_sign_in_failures_At",
                table: "trust_sign_in_failures",
                column: "At");

            migrationBuilder.CreateIndex(
                name: "IX_trust_user_claims_UserId",
                table: "trust_user_claims",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_trust_user_logins_UserId",
                table: "trust_user_logins",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_trust_user_roles_RoleId",
                table: "trust_user_roles",
                column: "RoleId");

            migrationBuilder.CreateIndex(
                name: "EmailIndex",
                table: "trust_users",
                column: "NormalizedEmail");

            migrationBuilder.CreateIndex(
                name: "IX_trust_users_StateCode",
                table: "trust_users",
                column: "StateCode");

            migrationBuilder.CreateIndex(
                name: "UserNameIndex",
                table: "trust_users",
                column: "NormalizedUserName",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "cooperation_assignments");

            migrationBuilder.DropTable(
                name: "cooperation_attachments");

            migrationBuilder.DropTable(
                name: "cooperation_events");

            migrationBuilder.DropTable(
                name: "cooperation_messages");

            migrationBuilder.DropTable(
                name: "cooperation_notes");

            migrationBuilder.DropTable(
                name: "cooperation_submission_keys");

            migrationBuilder.DropTable(
                name: "deliberation_ballots");

            migrationBuilder.DropTable(
                name: "deliberation_deadline_changes");

            migrationBuilder.DropTable(
                name: "deliberation_draft_revisions");

            migrationBuilder.DropTable(
                name: "deliberation_draft_sponsors");

            migrationBuilder.DropTable(
                name: "deliberation_late_acceptances");

            migrationBuilder.DropTable(
                name: "deliberation_submission_attachments");

            migrationBuilder.DropTable(
                name: "deliberation_submission_texts");

            migrationBuilder.DropTable(
                name: "deliberation_vote_footnotes");

            migrationBuilder.DropTable(
                name: "evidence_custody_events");

            migrationBuilder.DropTable(
                name: "evidence_packages");

            migrationBuilder.DropTable(
                name: "host_data_protection_keys");

            migrationBuilder.DropTable(
                name: "knowledge_cases");

            migrationBuilder.DropTable(
                name: "knowledge_documents");

            migrationBuilder.DropTable(
                name: "knowledge_provisions");

            migrationBuilder.DropTable(
                name: "network_authorities");

            migrationBuilder.DropTable(
                name: "network_profile_flags");

            migrationBuilder.DropTable(
                name: "network_profile_versions");

            migrationBuilder.DropTable(
                name: "network_profiles");

            migrationBuilder.DropTable(
                name: "network_verification_checks");

            migrationBuilder.DropTable(
                name: "network_verification_rounds");

            migrationBuilder.DropTable(
                name: "notifications_deliveries");

            migrationBuilder.DropTable(
                name: "notifications_delivery_attempts");

            migrationBuilder.DropTable(
                name: "notifications_inbox");

            migrationBuilder.DropTable(
                name: "notifications_webhooks");

            migrationBuilder.DropTable(
                name: "trust_api_tokens");

            migrationBuilder.DropTable(
                name: "trust_audit_entries");

            migrationBuilder.DropTable(
                name: "trust_audit_head");

            migrationBuilder.DropTable(
                name: "trust_role_claims");

            migrationBuilder.DropTable(
                name: "trust_sign_in_failures");

            migrationBuilder.DropTable(
                name: "trust_user_claims");

            migrationBuilder.DropTable(
                name: "trust_user_logins");

            migrationBuilder.DropTable(
                name: "trust_user_roles");

            migrationBuilder.DropTable(
                name: "trust_user_tokens");

            migrationBuilder.DropTable(
                name: "cooperation_requests");

            migrationBuilder.DropTable(
                name: "deliberation_submissions");

            migrationBuilder.DropTable(
                name: "deliberation_votes");

            migrationBuilder.DropTable(
                name: "evidence_items");

            migrationBuilder.DropTable(
                name: "knowledge_expressions");

            migrationBuilder.DropTable(
                name: "notifications_messages");

            migrationBuilder.DropTable(
                name: "trust_roles");

            migrationBuilder.DropTable(
                name: "trust_users");

            migrationBuilder.DropTable(
                name: "deliberation_consultations");

            migrationBuilder.DropTable(
                name: "deliberation_drafts");

            migrationBuilder.DropTable(
                name: "knowledge_works");
        }
    }
}

using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Entraide.App.Infrastructure.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Network : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
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
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
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
        }
    }
}

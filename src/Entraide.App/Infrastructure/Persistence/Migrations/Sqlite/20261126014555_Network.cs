using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Entraide.App.Infrastructure.Persistence.Migrations.Sqlite
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
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    State = table.Column<string>(type: "TEXT", maxLength: 3, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Address = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    Phones = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Email = table.Column<string>(type: "TEXT", maxLength: 254, nullable: true),
                    Languages = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    OfficeHours = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    TimeZone = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    PreferredChannel = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    AroundTheClock = table.Column<bool>(type: "INTEGER", nullable: false),
                    AddressPublic = table.Column<bool>(type: "INTEGER", nullable: false),
                    EmailPublic = table.Column<bool>(type: "INTEGER", nullable: false),
                    PhonesPublic = table.Column<bool>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    LastVerifiedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    PendingCheckDueBy = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_network_authorities", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "network_profile_flags",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    State = table.Column<string>(type: "TEXT", maxLength: 3, nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    RaisedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    RaisedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ResolvedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ResolvedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Resolution = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_network_profile_flags", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "network_profile_versions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    State = table.Column<string>(type: "TEXT", maxLength: 3, nullable: false),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    ActorId = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ActorName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Change = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    Snapshot = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_network_profile_versions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "network_profiles",
                columns: table => new
                {
                    State = table.Column<string>(type: "TEXT", maxLength: 3, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    SignedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    RatifiedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    RequiresDualCriminalityForPreservation = table.Column<bool>(type: "INTEGER", nullable: false),
                    RequiresDualCriminality = table.Column<bool>(type: "INTEGER", nullable: false),
                    PoliticalOffenceTerms = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    AcceptedLanguages = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    AcceptsUrgentRequestsOrally = table.Column<bool>(type: "INTEGER", nullable: false),
                    AcceptsUrgentRequestsByEmail = table.Column<bool>(type: "INTEGER", nullable: false),
                    CriminalisedOptionalCategories = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    EmergencyAcknowledgementHours = table.Column<int>(type: "INTEGER", nullable: false),
                    Notes = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_network_profiles", x => x.State);
                });

            migrationBuilder.CreateTable(
                name: "network_verification_checks",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    RoundId = table.Column<Guid>(type: "TEXT", nullable: false),
                    State = table.Column<string>(type: "TEXT", maxLength: 3, nullable: false),
                    AuthorityId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AuthorityName = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    SentAt = table.Column<long>(type: "INTEGER", nullable: false),
                    DueBy = table.Column<long>(type: "INTEGER", nullable: false),
                    AcknowledgedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    AcknowledgedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_network_verification_checks", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "network_verification_rounds",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    StartedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    StartedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ResponseMinutes = table.Column<int>(type: "INTEGER", nullable: false),
                    Message = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true)
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

using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Entraide.App.Infrastructure.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Cooperation : Migration
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
                    OnwardTransferAuthorisedTo = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
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
                    Reasons = table.Column<string>(type: "text", nullable: true)
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
                name: "IX_cooperation_requests_AcknowledgeBy",
                table: "cooperation_requests",
                column: "AcknowledgeBy");

            migrationBuilder.CreateIndex(
                name: "IX_cooperation_requests_DeadlineAt",
                table: "cooperation_requests",
                column: "DeadlineAt");

            migrationBuilder.CreateIndex(
                name: "IX_cooperation_requests_PrecedingRequestId",
                table: "cooperation_requests",
                column: "PrecedingRequestId");

            migrationBuilder.CreateIndex(
                name: "IX_cooperation_requests_PreservationExpiresAt",
                table: "cooperation_requests",
                column: "PreservationExpiresAt");

            migrationBuilder.CreateIndex(
                name: "IX_cooperation_requests_Reference",
                table: "cooperation_requests",
                column: "Reference",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_cooperation_requests_RequestedState_AcknowledgeBy",
                table: "cooperation_requests",
                columns: new[] { "RequestedState", "AcknowledgeBy" });

            migrationBuilder.CreateIndex(
                name: "IX_cooperation_requests_RequestedState_DeadlineAt",
                table: "cooperation_requests",
                columns: new[] { "RequestedState", "DeadlineAt" });

            migrationBuilder.CreateIndex(
                name: "IX_cooperation_requests_RequestedState_Status_SubmittedAt",
                table: "cooperation_requests",
                columns: new[] { "RequestedState", "Status", "SubmittedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_cooperation_requests_RequestedState_SubmittedAt",
                table: "cooperation_requests",
                columns: new[] { "RequestedState", "SubmittedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_cooperation_requests_RequestingState_Status_UpdatedAt",
                table: "cooperation_requests",
                columns: new[] { "RequestingState", "Status", "UpdatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_cooperation_requests_RequestingState_UpdatedAt",
                table: "cooperation_requests",
                columns: new[] { "RequestingState", "UpdatedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "cooperation_attachments");

            migrationBuilder.DropTable(
                name: "cooperation_events");

            migrationBuilder.DropTable(
                name: "cooperation_messages");

            migrationBuilder.DropTable(
                name: "cooperation_submission_keys");

            migrationBuilder.DropTable(
                name: "cooperation_requests");
        }
    }
}

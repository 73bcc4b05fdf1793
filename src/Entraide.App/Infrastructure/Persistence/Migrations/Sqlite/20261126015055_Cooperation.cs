using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Entraide.App.Infrastructure.Persistence.Migrations.Sqlite
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
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Reference = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Type = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    RequestingState = table.Column<string>(type: "TEXT", maxLength: 3, nullable: false),
                    RequestedState = table.Column<string>(type: "TEXT", maxLength: 3, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    Channel = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    Urgent = table.Column<bool>(type: "INTEGER", nullable: false),
                    Language = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    Confidential = table.Column<bool>(type: "INTEGER", nullable: false),
                    FieldsJson = table.Column<string>(type: "TEXT", nullable: false),
                    ConductTerms = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    SearchText = table.Column<string>(type: "TEXT", maxLength: 600, nullable: false),
                    DeadlineAt = table.Column<long>(type: "INTEGER", nullable: true),
                    DeadlineReasons = table.Column<string>(type: "TEXT", nullable: true),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    CreatedByName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    SubmittedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    AcknowledgedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    AcknowledgeBy = table.Column<long>(type: "INTEGER", nullable: true),
                    EscalatedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ConfidentialityAcceptedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Consulted = table.Column<bool>(type: "INTEGER", nullable: false),
                    Ground = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    GroundReasons = table.Column<string>(type: "TEXT", nullable: true),
                    ExecutedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    PreservationExpiresAt = table.Column<long>(type: "INTEGER", nullable: true),
                    PreservationExtensions = table.Column<int>(type: "INTEGER", nullable: false),
                    PreservationReminderAt = table.Column<long>(type: "INTEGER", nullable: true),
                    OverdueSince = table.Column<long>(type: "INTEGER", nullable: true),
                    PrecedingRequestId = table.Column<Guid>(type: "TEXT", nullable: true),
                    FollowUpRequestId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_cooperation_requests", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "cooperation_submission_keys",
                columns: table => new
                {
                    ActorId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Key = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    RequestHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    RequestId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_cooperation_submission_keys", x => new { x.ActorId, x.Key });
                });

            migrationBuilder.CreateTable(
                name: "cooperation_attachments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    RequestId = table.Column<Guid>(type: "TEXT", nullable: false),
                    FileName = table.Column<string>(type: "TEXT", maxLength: 255, nullable: false),
                    ContentType = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Size = table.Column<long>(type: "INTEGER", nullable: false),
                    Sha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Content = table.Column<byte[]>(type: "BLOB", nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    UploadedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    UploadedByName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    UploadedByState = table.Column<string>(type: "TEXT", maxLength: 3, nullable: false),
                    UseLimitation = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    RetentionDays = table.Column<int>(type: "INTEGER", nullable: true),
                    ConditionsAcknowledgedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ConditionsAcknowledgedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    OnwardTransferAuthorisedTo = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    OnwardTransferRequestedTo = table.Column<string>(type: "TEXT", maxLength: 3, nullable: true),
                    OnwardTransferReasons = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true)
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
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    RequestId = table.Column<Guid>(type: "TEXT", nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    ActorId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    ActorName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ActorState = table.Column<string>(type: "TEXT", maxLength: 3, nullable: true),
                    Action = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    FromStatus = table.Column<string>(type: "TEXT", maxLength: 30, nullable: true),
                    ToStatus = table.Column<string>(type: "TEXT", maxLength: 30, nullable: true),
                    Ground = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    Reasons = table.Column<string>(type: "TEXT", nullable: true)
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
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    RequestId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    AuthorId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    AuthorName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    AuthorState = table.Column<string>(type: "TEXT", maxLength: 3, nullable: false),
                    Body = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: false),
                    InReplyTo = table.Column<Guid>(type: "TEXT", nullable: true)
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

using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Entraide.App.Infrastructure.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Notifications : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "notifications_delivery_attempts",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    DeliveryId = table.Column<Guid>(type: "TEXT", nullable: false),
                    WebhookId = table.Column<Guid>(type: "TEXT", nullable: true),
                    StateCode = table.Column<string>(type: "TEXT", maxLength: 3, nullable: true),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    DurationMs = table.Column<int>(type: "INTEGER", nullable: false),
                    StatusCode = table.Column<int>(type: "INTEGER", nullable: true),
                    Succeeded = table.Column<bool>(type: "INTEGER", nullable: false),
                    Error = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_notifications_delivery_attempts", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "notifications_messages",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    RecipientState = table.Column<string>(type: "TEXT", maxLength: 3, nullable: true),
                    RecipientRoles = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    Link = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    SubjectId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Urgent = table.Column<bool>(type: "INTEGER", nullable: false),
                    Arguments = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_notifications_messages", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "notifications_webhooks",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    StateCode = table.Column<string>(type: "TEXT", maxLength: 3, nullable: false),
                    Url = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Events = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    ProtectedSecret = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    SecretPrefix = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Active = table.Column<bool>(type: "INTEGER", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_notifications_webhooks", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "notifications_deliveries",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    MessageId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Channel = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    UserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    WebhookId = table.Column<Guid>(type: "TEXT", nullable: true),
                    StateCode = table.Column<string>(type: "TEXT", maxLength: 3, nullable: true),
                    Urgent = table.Column<bool>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    NextAttemptAt = table.Column<long>(type: "INTEGER", nullable: false),
                    LeaseUntil = table.Column<long>(type: "INTEGER", nullable: true),
                    LeaseOwner = table.Column<Guid>(type: "TEXT", nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    CompletedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    LastStatusCode = table.Column<int>(type: "INTEGER", nullable: true),
                    LastError = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true)
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
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    MessageId = table.Column<Guid>(type: "TEXT", nullable: false),
                    UserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    StateCode = table.Column<string>(type: "TEXT", maxLength: 3, nullable: true),
                    Urgent = table.Column<bool>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ReadAt = table.Column<long>(type: "INTEGER", nullable: true)
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
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "notifications_deliveries");

            migrationBuilder.DropTable(
                name: "notifications_delivery_attempts");

            migrationBuilder.DropTable(
                name: "notifications_inbox");

            migrationBuilder.DropTable(
                name: "notifications_webhooks");

            migrationBuilder.DropTable(
                name: "notifications_messages");
        }
    }
}

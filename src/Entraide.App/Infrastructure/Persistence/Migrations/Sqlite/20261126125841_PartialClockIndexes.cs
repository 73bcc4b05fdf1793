using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Entraide.App.Infrastructure.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class PartialClockIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_cooperation_requests_AcknowledgeBy",
                table: "cooperation_requests");

            migrationBuilder.DropIndex(
                name: "IX_cooperation_requests_DeadlineAt",
                table: "cooperation_requests");

            migrationBuilder.DropIndex(
                name: "IX_cooperation_requests_PrecedingRequestId",
                table: "cooperation_requests");

            migrationBuilder.DropIndex(
                name: "IX_cooperation_requests_PreservationExpiresAt",
                table: "cooperation_requests");

            migrationBuilder.DropIndex(
                name: "IX_cooperation_requests_RequestedState_AcknowledgeBy",
                table: "cooperation_requests");

            migrationBuilder.DropIndex(
                name: "IX_cooperation_requests_RequestedState_DeadlineAt",
                table: "cooperation_requests");

            migrationBuilder.DropIndex(
                name: "IX_cooperation_requests_RequestingState_AcknowledgeBy",
                table: "cooperation_requests");

            migrationBuilder.DropIndex(
                name: "IX_cooperation_requests_RequestingState_DeadlineAt",
                table: "cooperation_requests");

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
                name: "IX_cooperation_requests_PrecedingRequestId",
                table: "cooperation_requests",
                column: "PrecedingRequestId",
                filter: "\"PrecedingRequestId\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_cooperation_requests_PreservationExpiresAt",
                table: "cooperation_requests",
                column: "PreservationExpiresAt",
                filter: "\"PreservationExpiresAt\" IS NOT NULL");

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
                name: "IX_cooperation_requests_RequestingState_AcknowledgeBy",
                table: "cooperation_requests",
                columns: new[] { "RequestingState", "AcknowledgeBy" },
                filter: "\"AcknowledgeBy\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_cooperation_requests_RequestingState_DeadlineAt",
                table: "cooperation_requests",
                columns: new[] { "RequestingState", "DeadlineAt" },
                filter: "\"DeadlineAt\" IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_cooperation_requests_AcknowledgeBy",
                table: "cooperation_requests");

            migrationBuilder.DropIndex(
                name: "IX_cooperation_requests_DeadlineAt",
                table: "cooperation_requests");

            migrationBuilder.DropIndex(
                name: "IX_cooperation_requests_PrecedingRequestId",
                table: "cooperation_requests");

            migrationBuilder.DropIndex(
                name: "IX_cooperation_requests_PreservationExpiresAt",
                table: "cooperation_requests");

            migrationBuilder.DropIndex(
                name: "IX_cooperation_requests_RequestedState_AcknowledgeBy",
                table: "cooperation_requests");

            migrationBuilder.DropIndex(
                name: "IX_cooperation_requests_RequestedState_DeadlineAt",
                table: "cooperation_requests");

            migrationBuilder.DropIndex(
                name: "IX_cooperation_requests_RequestingState_AcknowledgeBy",
                table: "cooperation_requests");

            migrationBuilder.DropIndex(
                name: "IX_cooperation_requests_RequestingState_DeadlineAt",
                table: "cooperation_requests");

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
                name: "IX_cooperation_requests_RequestedState_AcknowledgeBy",
                table: "cooperation_requests",
                columns: new[] { "RequestedState", "AcknowledgeBy" });

            migrationBuilder.CreateIndex(
                name: "IX_cooperation_requests_RequestedState_DeadlineAt",
                table: "cooperation_requests",
                columns: new[] { "RequestedState", "DeadlineAt" });

            migrationBuilder.CreateIndex(
                name: "IX_cooperation_requests_RequestingState_AcknowledgeBy",
                table: "cooperation_requests",
                columns: new[] { "RequestingState", "AcknowledgeBy" });

            migrationBuilder.CreateIndex(
                name: "IX_cooperation_requests_RequestingState_DeadlineAt",
                table: "cooperation_requests",
                columns: new[] { "RequestingState", "DeadlineAt" });
        }
    }
}

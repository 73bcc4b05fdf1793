using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Entraide.App.Infrastructure.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class OutgoingDeadlineIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_cooperation_requests_RequestingState_AcknowledgeBy",
                table: "cooperation_requests",
                columns: new[] { "RequestingState", "AcknowledgeBy" });

            migrationBuilder.CreateIndex(
                name: "IX_cooperation_requests_RequestingState_DeadlineAt",
                table: "cooperation_requests",
                columns: new[] { "RequestingState", "DeadlineAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_cooperation_requests_RequestingState_AcknowledgeBy",
                table: "cooperation_requests");

            migrationBuilder.DropIndex(
                name: "IX_cooperation_requests_RequestingState_DeadlineAt",
                table: "cooperation_requests");
        }
    }
}

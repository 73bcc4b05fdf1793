using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Entraide.App.Infrastructure.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class InboxLaneIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_cooperation_requests_DirectLane",
                table: "cooperation_requests",
                columns: new[] { "RequestedState", "Status", "SubmittedAt" },
                filter: "\"Channel\" = 'DirectJudicial'");

            migrationBuilder.CreateIndex(
                name: "IX_cooperation_requests_UrgentLane",
                table: "cooperation_requests",
                columns: new[] { "RequestedState", "Status", "SubmittedAt" },
                filter: "\"Urgent\" OR \"Channel\" = 'PointOfContact'");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_cooperation_requests_DirectLane",
                table: "cooperation_requests");

            migrationBuilder.DropIndex(
                name: "IX_cooperation_requests_UrgentLane",
                table: "cooperation_requests");
        }
    }
}

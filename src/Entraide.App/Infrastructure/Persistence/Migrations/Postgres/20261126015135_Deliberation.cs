using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Entraide.App.Infrastructure.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Deliberation : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
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
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
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
                name: "deliberation_submissions");

            migrationBuilder.DropTable(
                name: "deliberation_votes");

            migrationBuilder.DropTable(
                name: "deliberation_consultations");

            migrationBuilder.DropTable(
                name: "deliberation_drafts");
        }
    }
}

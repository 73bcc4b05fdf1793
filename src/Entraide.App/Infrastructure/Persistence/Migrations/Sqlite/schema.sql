CREATE TABLE IF NOT EXISTS "__entraide_migrations" (
    "MigrationId" TEXT NOT NULL CONSTRAINT "PK___entraide_migrations" PRIMARY KEY,
    "ProductVersion" TEXT NOT NULL
);

CREATE TABLE "cooperation_requests" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_cooperation_requests" PRIMARY KEY,
    "Reference" TEXT NOT NULL,
    "Type" TEXT NOT NULL,
    "RequestingState" TEXT NOT NULL,
    "RequestedState" TEXT NOT NULL,
    "Status" TEXT NOT NULL,
    "Channel" TEXT NOT NULL,
    "Urgent" INTEGER NOT NULL,
    "Language" TEXT NOT NULL,
    "Confidential" INTEGER NOT NULL,
    "FieldsJson" TEXT NOT NULL,
    "ConductTerms" TEXT NOT NULL,
    "SearchText" TEXT NOT NULL,
    "DeadlineAt" INTEGER NULL,
    "DeadlineReasons" TEXT NULL,
    "CreatedBy" TEXT NOT NULL,
    "CreatedByName" TEXT NOT NULL,
    "CreatedAt" INTEGER NOT NULL,
    "UpdatedAt" INTEGER NOT NULL,
    "SubmittedAt" INTEGER NULL,
    "AcknowledgedAt" INTEGER NULL,
    "AcknowledgeBy" INTEGER NULL,
    "EscalatedAt" INTEGER NULL,
    "ConfidentialityAcceptedAt" INTEGER NULL,
    "Consulted" INTEGER NOT NULL,
    "Ground" TEXT NULL,
    "GroundReasons" TEXT NULL,
    "ExecutedAt" INTEGER NULL,
    "PreservationExpiresAt" INTEGER NULL,
    "PreservationExtensions" INTEGER NOT NULL,
    "PreservationDays" INTEGER NULL,
    "PreservationReminderAt" INTEGER NULL,
    "OverdueSince" INTEGER NULL,
    "PrecedingRequestId" TEXT NULL,
    "FollowUpRequestId" TEXT NULL,
    "Version" INTEGER NOT NULL
);

CREATE TABLE "cooperation_submission_keys" (
    "ActorId" TEXT NOT NULL,
    "Key" TEXT NOT NULL,
    "RequestHash" TEXT NOT NULL,
    "RequestId" TEXT NOT NULL,
    "CreatedAt" INTEGER NOT NULL,
    CONSTRAINT "PK_cooperation_submission_keys" PRIMARY KEY ("ActorId", "Key")
);

CREATE TABLE "deliberation_consultations" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_deliberation_consultations" PRIMARY KEY,
    "Title" TEXT NOT NULL,
    "Question" TEXT NOT NULL,
    "Invitation" TEXT NOT NULL,
    "Introduction" TEXT NULL,
    "Language" TEXT NOT NULL,
    "Symbol" TEXT NULL,
    "OpenedAt" INTEGER NOT NULL,
    "OpenedBy" TEXT NOT NULL,
    "OriginalDeadline" INTEGER NOT NULL,
    "Deadline" INTEGER NOT NULL,
    "InvitedStates" TEXT NULL,
    "Version" INTEGER NOT NULL
);

CREATE TABLE "deliberation_drafts" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_deliberation_drafts" PRIMARY KEY,
    "OwnerState" TEXT NULL,
    "Symbol" TEXT NULL,
    "Title" TEXT NOT NULL,
    "AgendaItem" TEXT NULL,
    "Language" TEXT NOT NULL,
    "Status" TEXT NOT NULL,
    "CurrentRevision" INTEGER NOT NULL,
    "CreatedAt" INTEGER NOT NULL,
    "CreatedBy" TEXT NOT NULL,
    "IssuedAt" INTEGER NULL,
    "ResolutionNumber" TEXT NULL,
    "Version" INTEGER NOT NULL,
    "IssuedRevision" INTEGER NULL
);

CREATE TABLE "evidence_items" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_evidence_items" PRIMARY KEY,
    "RequestId" TEXT NOT NULL,
    "PackageId" TEXT NOT NULL,
    "OwnerStateCode" TEXT NOT NULL,
    "FileName" TEXT NOT NULL,
    "Description" TEXT NULL,
    "Custodian" TEXT NULL,
    "SourceSystem" TEXT NULL,
    "AcquisitionMethod" TEXT NULL,
    "AcquisitionTool" TEXT NULL,
    "AcquiredAt" INTEGER NULL,
    "AcquiredBy" TEXT NULL,
    "Length" INTEGER NOT NULL,
    "Received" INTEGER NOT NULL,
    "DeclaredSha256" TEXT NULL,
    "WithSha512" INTEGER NOT NULL,
    "Sha256" TEXT NULL,
    "Sha512" TEXT NULL,
    "StorageKey" TEXT NULL,
    "WrappedKey" BLOB NOT NULL,
    "KeyId" TEXT NOT NULL,
    "Status" TEXT NOT NULL,
    "UploadedBy" TEXT NOT NULL,
    "UploadedByName" TEXT NOT NULL,
    "CreatedAt" INTEGER NOT NULL,
    "UpdatedAt" INTEGER NOT NULL,
    "ExpiresAt" INTEGER NULL,
    "SealedAt" INTEGER NULL,
    "Version" INTEGER NOT NULL
);

CREATE TABLE "evidence_packages" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_evidence_packages" PRIMARY KEY,
    "RequestId" TEXT NOT NULL,
    "OwnerStateCode" TEXT NOT NULL,
    "CreatedBy" TEXT NOT NULL,
    "CreatedAt" INTEGER NOT NULL,
    "SealedAt" INTEGER NULL,
    "SealedBy" TEXT NULL,
    "Version" INTEGER NOT NULL
);

CREATE TABLE "host_data_protection_keys" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_host_data_protection_keys" PRIMARY KEY AUTOINCREMENT,
    "FriendlyName" TEXT NULL,
    "Xml" TEXT NULL
);

CREATE TABLE "knowledge_cases" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_knowledge_cases" PRIMARY KEY,
    "State" TEXT NOT NULL,
    "Kind" TEXT NOT NULL,
    "Title" TEXT NOT NULL,
    "Summary" TEXT NOT NULL,
    "Language" TEXT NOT NULL,
    "Date" TEXT NOT NULL,
    "Source" TEXT NULL,
    "Terms" TEXT NOT NULL,
    "Provisions" TEXT NOT NULL,
    "Example" INTEGER NOT NULL,
    "CreatedAt" INTEGER NOT NULL
);

CREATE TABLE "knowledge_documents" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_knowledge_documents" PRIMARY KEY,
    "Symbol" TEXT NOT NULL,
    "Title" TEXT NOT NULL,
    "Language" TEXT NOT NULL,
    "Date" TEXT NOT NULL,
    "Text" TEXT NOT NULL,
    "CreatedAt" INTEGER NOT NULL
);

CREATE TABLE "knowledge_works" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_knowledge_works" PRIMARY KEY,
    "State" TEXT NOT NULL,
    "Title" TEXT NOT NULL,
    "Type" TEXT NOT NULL,
    "OriginalLanguage" TEXT NOT NULL,
    "AdoptedOn" TEXT NULL,
    "RepealedOn" TEXT NULL,
    "Example" INTEGER NOT NULL,
    "Version" INTEGER NOT NULL,
    "CreatedAt" INTEGER NOT NULL,
    "UpdatedAt" INTEGER NOT NULL
);

CREATE TABLE "network_authorities" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_network_authorities" PRIMARY KEY,
    "State" TEXT NOT NULL,
    "Kind" TEXT NOT NULL,
    "Name" TEXT NOT NULL,
    "Address" TEXT NULL,
    "Phones" TEXT NOT NULL,
    "Email" TEXT NULL,
    "Languages" TEXT NOT NULL,
    "OfficeHours" TEXT NOT NULL,
    "TimeZone" TEXT NOT NULL,
    "PreferredChannel" TEXT NOT NULL,
    "AroundTheClock" INTEGER NOT NULL,
    "AddressPublic" INTEGER NOT NULL,
    "EmailPublic" INTEGER NOT NULL,
    "PhonesPublic" INTEGER NOT NULL,
    "Version" INTEGER NOT NULL,
    "CreatedAt" INTEGER NOT NULL,
    "UpdatedAt" INTEGER NOT NULL,
    "UpdatedBy" TEXT NOT NULL,
    "LastVerifiedAt" INTEGER NULL,
    "PendingCheckDueBy" INTEGER NULL
);

CREATE TABLE "network_profile_flags" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_network_profile_flags" PRIMARY KEY,
    "State" TEXT NOT NULL,
    "Note" TEXT NOT NULL,
    "RaisedAt" INTEGER NOT NULL,
    "RaisedBy" TEXT NOT NULL,
    "ResolvedAt" INTEGER NULL,
    "ResolvedBy" TEXT NULL,
    "Resolution" TEXT NULL
);

CREATE TABLE "network_profile_versions" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_network_profile_versions" PRIMARY KEY,
    "State" TEXT NOT NULL,
    "Number" INTEGER NOT NULL,
    "At" INTEGER NOT NULL,
    "ActorId" TEXT NOT NULL,
    "ActorName" TEXT NOT NULL,
    "Change" TEXT NOT NULL,
    "Snapshot" TEXT NOT NULL
);

CREATE TABLE "network_profiles" (
    "State" TEXT NOT NULL CONSTRAINT "PK_network_profiles" PRIMARY KEY,
    "Status" TEXT NOT NULL,
    "SignedOn" TEXT NULL,
    "RatifiedOn" TEXT NULL,
    "RequiresDualCriminalityForPreservation" INTEGER NOT NULL,
    "RequiresDualCriminality" INTEGER NOT NULL,
    "PoliticalOffenceTerms" TEXT NOT NULL,
    "AcceptedLanguages" TEXT NOT NULL,
    "AcceptsUrgentRequestsOrally" INTEGER NOT NULL,
    "AcceptsUrgentRequestsByEmail" INTEGER NOT NULL,
    "CriminalisedOptionalCategories" TEXT NOT NULL,
    "NotCriminalisedOptionalCategories" TEXT NOT NULL,
    "EmergencyAcknowledgementHours" INTEGER NOT NULL,
    "Notes" TEXT NULL,
    "Version" INTEGER NOT NULL,
    "UpdatedAt" INTEGER NOT NULL,
    "UpdatedBy" TEXT NOT NULL
);

CREATE TABLE "network_verification_checks" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_network_verification_checks" PRIMARY KEY,
    "RoundId" TEXT NOT NULL,
    "State" TEXT NOT NULL,
    "AuthorityId" TEXT NOT NULL,
    "AuthorityName" TEXT NOT NULL,
    "SentAt" INTEGER NOT NULL,
    "DueBy" INTEGER NOT NULL,
    "AcknowledgedAt" INTEGER NULL,
    "AcknowledgedBy" TEXT NULL
);

CREATE TABLE "network_verification_rounds" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_network_verification_rounds" PRIMARY KEY,
    "StartedAt" INTEGER NOT NULL,
    "StartedBy" TEXT NOT NULL,
    "ResponseMinutes" INTEGER NOT NULL,
    "Message" TEXT NULL
);

CREATE TABLE "notifications_delivery_attempts" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_notifications_delivery_attempts" PRIMARY KEY,
    "DeliveryId" TEXT NOT NULL,
    "WebhookId" TEXT NULL,
    "StateCode" TEXT NULL,
    "Kind" TEXT NOT NULL,
    "Number" INTEGER NOT NULL,
    "At" INTEGER NOT NULL,
    "DurationMs" INTEGER NOT NULL,
    "StatusCode" INTEGER NULL,
    "Succeeded" INTEGER NOT NULL,
    "Error" TEXT NULL
);

CREATE TABLE "notifications_messages" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_notifications_messages" PRIMARY KEY,
    "Kind" TEXT NOT NULL,
    "RecipientState" TEXT NULL,
    "RecipientRoles" TEXT NOT NULL,
    "Link" TEXT NOT NULL,
    "SubjectId" TEXT NULL,
    "Urgent" INTEGER NOT NULL,
    "Arguments" TEXT NOT NULL,
    "CreatedAt" INTEGER NOT NULL
);

CREATE TABLE "notifications_webhooks" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_notifications_webhooks" PRIMARY KEY,
    "StateCode" TEXT NOT NULL,
    "Url" TEXT NOT NULL,
    "Description" TEXT NULL,
    "Events" TEXT NOT NULL,
    "ProtectedSecret" TEXT NOT NULL,
    "SecretPrefix" TEXT NOT NULL,
    "Active" INTEGER NOT NULL,
    "CreatedBy" TEXT NOT NULL,
    "CreatedAt" INTEGER NOT NULL,
    "UpdatedAt" INTEGER NOT NULL,
    "Version" INTEGER NOT NULL
);

CREATE TABLE "trust_api_tokens" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_trust_api_tokens" PRIMARY KEY,
    "Name" TEXT NOT NULL,
    "StateCode" TEXT NULL,
    "Roles" TEXT NOT NULL,
    "SecretDigest" TEXT NOT NULL,
    "Prefix" TEXT NOT NULL,
    "CreatedBy" TEXT NOT NULL,
    "CreatedAt" INTEGER NOT NULL,
    "ExpiresAt" INTEGER NULL,
    "RevokedAt" INTEGER NULL
);

CREATE TABLE "trust_audit_entries" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_trust_audit_entries" PRIMARY KEY AUTOINCREMENT,
    "Sequence" INTEGER NULL,
    "OccurredAtMs" INTEGER NOT NULL,
    "ActorId" TEXT NOT NULL,
    "StateCode" TEXT NULL,
    "Action" TEXT NOT NULL,
    "EntityType" TEXT NOT NULL,
    "EntityId" TEXT NOT NULL,
    "BeforeDigest" TEXT NULL,
    "AfterDigest" TEXT NULL,
    "Hash" TEXT NULL,
    "Seal" TEXT NULL
);

CREATE TABLE "trust_audit_head" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_trust_audit_head" PRIMARY KEY,
    "Sequence" INTEGER NOT NULL,
    "Hash" TEXT NOT NULL
);

CREATE TABLE "trust_roles" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_trust_roles" PRIMARY KEY,
    "Name" TEXT NULL,
    "NormalizedName" TEXT NULL,
    "ConcurrencyStamp" TEXT NULL
);

CREATE TABLE "trust_sign_in_failures" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_trust_sign_in_failures" PRIMARY KEY,
    "Account" TEXT NOT NULL,
    "Address" TEXT NOT NULL,
    "At" INTEGER NOT NULL
);

CREATE TABLE "trust_users" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_trust_users" PRIMARY KEY,
    "StateCode" TEXT NULL,
    "DisplayName" TEXT NOT NULL,
    "PreferredLanguage" TEXT NOT NULL,
    "CreatedAt" INTEGER NOT NULL,
    "LastTotpStep" INTEGER NULL,
    "UserName" TEXT NULL,
    "NormalizedUserName" TEXT NULL,
    "Email" TEXT NULL,
    "NormalizedEmail" TEXT NULL,
    "EmailConfirmed" INTEGER NOT NULL,
    "PasswordHash" TEXT NULL,
    "SecurityStamp" TEXT NULL,
    "ConcurrencyStamp" TEXT NULL,
    "PhoneNumber" TEXT NULL,
    "PhoneNumberConfirmed" INTEGER NOT NULL,
    "TwoFactorEnabled" INTEGER NOT NULL,
    "LockoutEnd" INTEGER NULL,
    "LockoutEnabled" INTEGER NOT NULL,
    "AccessFailedCount" INTEGER NOT NULL
);

CREATE TABLE "cooperation_assignments" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_cooperation_assignments" PRIMARY KEY,
    "RequestId" TEXT NOT NULL,
    "StateCode" TEXT NOT NULL,
    "AssigneeId" TEXT NOT NULL,
    "AssigneeName" TEXT NOT NULL,
    "AssignedBy" TEXT NOT NULL,
    "AssignedByName" TEXT NOT NULL,
    "AssignedAt" INTEGER NOT NULL,
    "Version" INTEGER NOT NULL,
    CONSTRAINT "FK_cooperation_assignments_cooperation_requests_RequestId" FOREIGN KEY ("RequestId") REFERENCES "cooperation_requests" ("Id") ON DELETE CASCADE
);

CREATE TABLE "cooperation_attachments" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_cooperation_attachments" PRIMARY KEY,
    "RequestId" TEXT NOT NULL,
    "FileName" TEXT NOT NULL,
    "ContentType" TEXT NOT NULL,
    "Size" INTEGER NOT NULL,
    "Sha256" TEXT NOT NULL,
    "Content" BLOB NOT NULL,
    "At" INTEGER NOT NULL,
    "UploadedBy" TEXT NOT NULL,
    "UploadedByName" TEXT NOT NULL,
    "UploadedByState" TEXT NOT NULL,
    "UseLimitation" TEXT NULL,
    "RetentionDays" INTEGER NULL,
    "ConditionsAcknowledgedAt" INTEGER NULL,
    "ConditionsAcknowledgedBy" TEXT NULL,
    "OnwardTransferAuthorisedTo" TEXT NOT NULL,
    "OnwardTransferRequestedTo" TEXT NULL,
    "OnwardTransferReasons" TEXT NULL,
    CONSTRAINT "FK_cooperation_attachments_cooperation_requests_RequestId" FOREIGN KEY ("RequestId") REFERENCES "cooperation_requests" ("Id") ON DELETE CASCADE
);

CREATE TABLE "cooperation_events" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_cooperation_events" PRIMARY KEY,
    "RequestId" TEXT NOT NULL,
    "At" INTEGER NOT NULL,
    "ActorId" TEXT NOT NULL,
    "ActorName" TEXT NOT NULL,
    "ActorState" TEXT NULL,
    "Action" TEXT NOT NULL,
    "FromStatus" TEXT NULL,
    "ToStatus" TEXT NULL,
    "Ground" TEXT NULL,
    "Reasons" TEXT NULL,
    "VisibleTo" TEXT NULL,
    CONSTRAINT "FK_cooperation_events_cooperation_requests_RequestId" FOREIGN KEY ("RequestId") REFERENCES "cooperation_requests" ("Id") ON DELETE CASCADE
);

CREATE TABLE "cooperation_messages" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_cooperation_messages" PRIMARY KEY,
    "RequestId" TEXT NOT NULL,
    "Kind" TEXT NOT NULL,
    "At" INTEGER NOT NULL,
    "AuthorId" TEXT NOT NULL,
    "AuthorName" TEXT NOT NULL,
    "AuthorState" TEXT NOT NULL,
    "Body" TEXT NOT NULL,
    "InReplyTo" TEXT NULL,
    CONSTRAINT "FK_cooperation_messages_cooperation_requests_RequestId" FOREIGN KEY ("RequestId") REFERENCES "cooperation_requests" ("Id") ON DELETE CASCADE
);

CREATE TABLE "cooperation_notes" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_cooperation_notes" PRIMARY KEY,
    "RequestId" TEXT NOT NULL,
    "StateCode" TEXT NOT NULL,
    "AuthorId" TEXT NOT NULL,
    "AuthorName" TEXT NOT NULL,
    "At" INTEGER NOT NULL,
    "Body" TEXT NOT NULL,
    CONSTRAINT "FK_cooperation_notes_cooperation_requests_RequestId" FOREIGN KEY ("RequestId") REFERENCES "cooperation_requests" ("Id") ON DELETE CASCADE
);

CREATE TABLE "deliberation_deadline_changes" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_deliberation_deadline_changes" PRIMARY KEY,
    "ConsultationId" TEXT NOT NULL,
    "From" INTEGER NOT NULL,
    "To" INTEGER NOT NULL,
    "ChangedAt" INTEGER NOT NULL,
    "ChangedBy" TEXT NOT NULL,
    "Reason" TEXT NULL,
    CONSTRAINT "FK_deliberation_deadline_changes_deliberation_consultations_ConsultationId" FOREIGN KEY ("ConsultationId") REFERENCES "deliberation_consultations" ("Id") ON DELETE CASCADE
);

CREATE TABLE "deliberation_late_acceptances" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_deliberation_late_acceptances" PRIMARY KEY,
    "ConsultationId" TEXT NOT NULL,
    "State" TEXT NOT NULL,
    "Until" INTEGER NOT NULL,
    "GrantedAt" INTEGER NOT NULL,
    "GrantedBy" TEXT NOT NULL,
    CONSTRAINT "FK_deliberation_late_acceptances_deliberation_consultations_ConsultationId" FOREIGN KEY ("ConsultationId") REFERENCES "deliberation_consultations" ("Id") ON DELETE CASCADE
);

CREATE TABLE "deliberation_submissions" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_deliberation_submissions" PRIMARY KEY,
    "ConsultationId" TEXT NOT NULL,
    "State" TEXT NOT NULL,
    "OriginalLanguage" TEXT NOT NULL,
    "SubmittedAt" INTEGER NOT NULL,
    "SubmittedBy" TEXT NOT NULL,
    "Late" INTEGER NOT NULL,
    "Version" INTEGER NOT NULL,
    CONSTRAINT "FK_deliberation_submissions_deliberation_consultations_ConsultationId" FOREIGN KEY ("ConsultationId") REFERENCES "deliberation_consultations" ("Id") ON DELETE CASCADE
);

CREATE TABLE "deliberation_draft_revisions" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_deliberation_draft_revisions" PRIMARY KEY,
    "DraftId" TEXT NOT NULL,
    "Number" INTEGER NOT NULL,
    "OwnerState" TEXT NULL,
    "Title" TEXT NOT NULL,
    "BudgetImplications" TEXT NULL,
    "ParagraphsJson" TEXT NOT NULL,
    "CreatedAt" INTEGER NOT NULL,
    "CreatedBy" TEXT NOT NULL,
    CONSTRAINT "FK_deliberation_draft_revisions_deliberation_drafts_DraftId" FOREIGN KEY ("DraftId") REFERENCES "deliberation_drafts" ("Id") ON DELETE CASCADE
);

CREATE TABLE "deliberation_draft_sponsors" (
    "DraftId" TEXT NOT NULL,
    "State" TEXT NOT NULL,
    "Kind" TEXT NOT NULL,
    "JoinedOn" TEXT NOT NULL,
    "RecordedAt" INTEGER NOT NULL,
    "RecordedBy" TEXT NOT NULL,
    CONSTRAINT "PK_deliberation_draft_sponsors" PRIMARY KEY ("DraftId", "State"),
    CONSTRAINT "FK_deliberation_draft_sponsors_deliberation_drafts_DraftId" FOREIGN KEY ("DraftId") REFERENCES "deliberation_drafts" ("Id") ON DELETE CASCADE
);

CREATE TABLE "deliberation_votes" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_deliberation_votes" PRIMARY KEY,
    "DraftId" TEXT NULL,
    "Body" TEXT NOT NULL,
    "DraftSymbol" TEXT NOT NULL,
    "AmendmentSymbol" TEXT NULL,
    "ParagraphKind" TEXT NULL,
    "ParagraphNumber" INTEGER NULL,
    "Date" TEXT NOT NULL,
    "Method" TEXT NOT NULL,
    "Majority" TEXT NOT NULL,
    "Status" TEXT NOT NULL,
    "CreatedAt" INTEGER NOT NULL,
    "CreatedBy" TEXT NOT NULL,
    "ClosedAt" INTEGER NULL,
    "ClosedBy" TEXT NULL,
    "Outcome" TEXT NULL,
    "Yes" INTEGER NOT NULL,
    "No" INTEGER NOT NULL,
    "Abstain" INTEGER NOT NULL,
    "NonParticipating" INTEGER NOT NULL,
    "Version" INTEGER NOT NULL,
    CONSTRAINT "FK_deliberation_votes_deliberation_drafts_DraftId" FOREIGN KEY ("DraftId") REFERENCES "deliberation_drafts" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "evidence_custody_events" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_evidence_custody_events" PRIMARY KEY,
    "ItemId" TEXT NOT NULL,
    "RequestId" TEXT NOT NULL,
    "Kind" TEXT NOT NULL,
    "ActorId" TEXT NOT NULL,
    "ActorName" TEXT NOT NULL,
    "ActorState" TEXT NULL,
    "ItemOwnerState" TEXT NOT NULL,
    "At" INTEGER NOT NULL,
    "Address" TEXT NULL,
    "Sha256" TEXT NULL,
    "Detail" TEXT NULL,
    CONSTRAINT "FK_evidence_custody_events_evidence_items_ItemId" FOREIGN KEY ("ItemId") REFERENCES "evidence_items" ("Id") ON DELETE CASCADE
);

CREATE TABLE "knowledge_expressions" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_knowledge_expressions" PRIMARY KEY,
    "WorkId" TEXT NOT NULL,
    "State" TEXT NOT NULL,
    "Language" TEXT NOT NULL,
    "Date" TEXT NOT NULL,
    "Title" TEXT NOT NULL,
    "Note" TEXT NULL,
    "CreatedAt" INTEGER NOT NULL,
    CONSTRAINT "FK_knowledge_expressions_knowledge_works_WorkId" FOREIGN KEY ("WorkId") REFERENCES "knowledge_works" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "notifications_deliveries" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_notifications_deliveries" PRIMARY KEY,
    "MessageId" TEXT NOT NULL,
    "Channel" TEXT NOT NULL,
    "UserId" TEXT NULL,
    "Address" TEXT NULL,
    "Language" TEXT NULL,
    "WebhookId" TEXT NULL,
    "StateCode" TEXT NULL,
    "Urgent" INTEGER NOT NULL,
    "Status" TEXT NOT NULL,
    "Attempts" INTEGER NOT NULL,
    "NextAttemptAt" INTEGER NOT NULL,
    "LeaseUntil" INTEGER NULL,
    "LeaseOwner" TEXT NULL,
    "CreatedAt" INTEGER NOT NULL,
    "CompletedAt" INTEGER NULL,
    "LastStatusCode" INTEGER NULL,
    "LastError" TEXT NULL,
    CONSTRAINT "FK_notifications_deliveries_notifications_messages_MessageId" FOREIGN KEY ("MessageId") REFERENCES "notifications_messages" ("Id") ON DELETE CASCADE
);

CREATE TABLE "notifications_inbox" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_notifications_inbox" PRIMARY KEY,
    "MessageId" TEXT NOT NULL,
    "UserId" TEXT NOT NULL,
    "StateCode" TEXT NULL,
    "Urgent" INTEGER NOT NULL,
    "CreatedAt" INTEGER NOT NULL,
    "ReadAt" INTEGER NULL,
    CONSTRAINT "FK_notifications_inbox_notifications_messages_MessageId" FOREIGN KEY ("MessageId") REFERENCES "notifications_messages" ("Id") ON DELETE CASCADE
);

CREATE TABLE "trust_role_claims" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_trust_role_claims" PRIMARY KEY AUTOINCREMENT,
    "RoleId" TEXT NOT NULL,
    "ClaimType" TEXT NULL,
    "ClaimValue" TEXT NULL,
    CONSTRAINT "FK_trust_role_claims_trust_roles_RoleId" FOREIGN KEY ("RoleId") REFERENCES "trust_roles" ("Id") ON DELETE CASCADE
);

CREATE TABLE "trust_user_claims" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_trust_user_claims" PRIMARY KEY AUTOINCREMENT,
    "UserId" TEXT NOT NULL,
    "ClaimType" TEXT NULL,
    "ClaimValue" TEXT NULL,
    CONSTRAINT "FK_trust_user_claims_trust_users_UserId" FOREIGN KEY ("UserId") REFERENCES "trust_users" ("Id") ON DELETE CASCADE
);

CREATE TABLE "trust_user_logins" (
    "LoginProvider" TEXT NOT NULL,
    "ProviderKey" TEXT NOT NULL,
    "ProviderDisplayName" TEXT NULL,
    "UserId" TEXT NOT NULL,
    CONSTRAINT "PK_trust_user_logins" PRIMARY KEY ("LoginProvider", "ProviderKey"),
    CONSTRAINT "FK_trust_user_logins_trust_users_UserId" FOREIGN KEY ("UserId") REFERENCES "trust_users" ("Id") ON DELETE CASCADE
);

CREATE TABLE "trust_user_roles" (
    "UserId" TEXT NOT NULL,
    "RoleId" TEXT NOT NULL,
    CONSTRAINT "PK_trust_user_roles" PRIMARY KEY ("UserId", "RoleId"),
    CONSTRAINT "FK_trust_user_roles_trust_roles_RoleId" FOREIGN KEY ("RoleId") REFERENCES "trust_roles" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_trust_user_roles_trust_users_UserId" FOREIGN KEY ("UserId") REFERENCES "trust_users" ("Id") ON DELETE CASCADE
);

CREATE TABLE "trust_user_tokens" (
    "UserId" TEXT NOT NULL,
    "LoginProvider" TEXT NOT NULL,
    "Name" TEXT NOT NULL,
    "Value" TEXT NULL,
    CONSTRAINT "PK_trust_user_tokens" PRIMARY KEY ("UserId", "LoginProvider", "Name"),
    CONSTRAINT "FK_trust_user_tokens_trust_users_UserId" FOREIGN KEY ("UserId") REFERENCES "trust_users" ("Id") ON DELETE CASCADE
);

CREATE TABLE "deliberation_submission_attachments" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_deliberation_submission_attachments" PRIMARY KEY,
    "SubmissionId" TEXT NOT NULL,
    "State" TEXT NOT NULL,
    "FileName" TEXT NOT NULL,
    "ContentType" TEXT NOT NULL,
    "Size" INTEGER NOT NULL,
    "Sha256" TEXT NOT NULL,
    "Content" BLOB NOT NULL,
    CONSTRAINT "FK_deliberation_submission_attachments_deliberation_submissions_SubmissionId" FOREIGN KEY ("SubmissionId") REFERENCES "deliberation_submissions" ("Id") ON DELETE CASCADE
);

CREATE TABLE "deliberation_submission_texts" (
    "SubmissionId" TEXT NOT NULL,
    "Language" TEXT NOT NULL,
    "State" TEXT NOT NULL,
    "Text" TEXT NULL,
    "Status" TEXT NOT NULL,
    "TranslatedBy" TEXT NULL,
    "UpdatedAt" INTEGER NULL,
    CONSTRAINT "PK_deliberation_submission_texts" PRIMARY KEY ("SubmissionId", "Language"),
    CONSTRAINT "FK_deliberation_submission_texts_deliberation_submissions_SubmissionId" FOREIGN KEY ("SubmissionId") REFERENCES "deliberation_submissions" ("Id") ON DELETE CASCADE
);

CREATE TABLE "deliberation_ballots" (
    "VoteId" TEXT NOT NULL,
    "State" TEXT NOT NULL,
    "Choice" TEXT NOT NULL,
    CONSTRAINT "PK_deliberation_ballots" PRIMARY KEY ("VoteId", "State"),
    CONSTRAINT "FK_deliberation_ballots_deliberation_votes_VoteId" FOREIGN KEY ("VoteId") REFERENCES "deliberation_votes" ("Id") ON DELETE CASCADE
);

CREATE TABLE "deliberation_vote_footnotes" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_deliberation_vote_footnotes" PRIMARY KEY,
    "VoteId" TEXT NOT NULL,
    "State" TEXT NOT NULL,
    "Intended" TEXT NOT NULL,
    "StatedOn" TEXT NOT NULL,
    "RecordedAt" INTEGER NOT NULL,
    "RecordedBy" TEXT NOT NULL,
    CONSTRAINT "FK_deliberation_vote_footnotes_deliberation_votes_VoteId" FOREIGN KEY ("VoteId") REFERENCES "deliberation_votes" ("Id") ON DELETE CASCADE
);

CREATE TABLE "knowledge_provisions" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_knowledge_provisions" PRIMARY KEY,
    "ExpressionId" TEXT NOT NULL,
    "WorkId" TEXT NOT NULL,
    "State" TEXT NOT NULL,
    "Ordinal" INTEGER NOT NULL,
    "Eid" TEXT NOT NULL,
    "Number" TEXT NOT NULL,
    "Heading" TEXT NULL,
    "Text" TEXT NOT NULL,
    "Terms" TEXT NOT NULL,
    "PenaltyMinMonths" INTEGER NULL,
    "PenaltyMaxMonths" INTEGER NULL,
    CONSTRAINT "FK_knowledge_provisions_knowledge_expressions_ExpressionId" FOREIGN KEY ("ExpressionId") REFERENCES "knowledge_expressions" ("Id") ON DELETE RESTRICT
);

INSERT INTO "trust_audit_head" ("Id", "Hash", "Sequence")
VALUES (1, '0000000000000000000000000000000000000000000000000000000000000000', 0);
SELECT changes();


CREATE UNIQUE INDEX "IX_cooperation_assignments_RequestId_StateCode" ON "cooperation_assignments" ("RequestId", "StateCode");

CREATE INDEX "IX_cooperation_assignments_StateCode_AssigneeId" ON "cooperation_assignments" ("StateCode", "AssigneeId");

CREATE INDEX "IX_cooperation_attachments_RequestId" ON "cooperation_attachments" ("RequestId");

CREATE INDEX "IX_cooperation_events_RequestId_At" ON "cooperation_events" ("RequestId", "At");

CREATE INDEX "IX_cooperation_messages_RequestId_At" ON "cooperation_messages" ("RequestId", "At");

CREATE INDEX "IX_cooperation_notes_RequestId_StateCode_At" ON "cooperation_notes" ("RequestId", "StateCode", "At");

CREATE INDEX "IX_cooperation_requests_AcknowledgeBy" ON "cooperation_requests" ("AcknowledgeBy") WHERE "AcknowledgeBy" IS NOT NULL;

CREATE INDEX "IX_cooperation_requests_DeadlineAt" ON "cooperation_requests" ("DeadlineAt") WHERE "DeadlineAt" IS NOT NULL;

CREATE INDEX "IX_cooperation_requests_DirectLane" ON "cooperation_requests" ("RequestedState", "Status", "SubmittedAt") WHERE "Channel" = 'DirectJudicial';

CREATE UNIQUE INDEX "IX_cooperation_requests_PrecedingRequestId" ON "cooperation_requests" ("PrecedingRequestId") WHERE "PrecedingRequestId" IS NOT NULL;

CREATE INDEX "IX_cooperation_requests_PreservationExpiresAt" ON "cooperation_requests" ("PreservationExpiresAt") WHERE "PreservationExpiresAt" IS NOT NULL;

CREATE UNIQUE INDEX "IX_cooperation_requests_Reference" ON "cooperation_requests" ("Reference");

CREATE INDEX "IX_cooperation_requests_RequestedState_AcknowledgeBy" ON "cooperation_requests" ("RequestedState", "AcknowledgeBy") WHERE "AcknowledgeBy" IS NOT NULL;

CREATE INDEX "IX_cooperation_requests_RequestedState_DeadlineAt" ON "cooperation_requests" ("RequestedState", "DeadlineAt") WHERE "DeadlineAt" IS NOT NULL;

CREATE INDEX "IX_cooperation_requests_RequestedState_Status_SubmittedAt" ON "cooperation_requests" ("RequestedState", "Status", "SubmittedAt");

CREATE INDEX "IX_cooperation_requests_RequestedState_SubmittedAt" ON "cooperation_requests" ("RequestedState", "SubmittedAt");

CREATE INDEX "IX_cooperation_requests_RequestingState_AcknowledgeBy" ON "cooperation_requests" ("RequestingState", "AcknowledgeBy") WHERE "AcknowledgeBy" IS NOT NULL;

CREATE INDEX "IX_cooperation_requests_RequestingState_DeadlineAt" ON "cooperation_requests" ("RequestingState", "DeadlineAt") WHERE "DeadlineAt" IS NOT NULL;

CREATE INDEX "IX_cooperation_requests_RequestingState_Status_UpdatedAt" ON "cooperation_requests" ("RequestingState", "Status", "UpdatedAt");

CREATE INDEX "IX_cooperation_requests_RequestingState_UpdatedAt" ON "cooperation_requests" ("RequestingState", "UpdatedAt");

CREATE INDEX "IX_cooperation_requests_UrgentLane" ON "cooperation_requests" ("RequestedState", "Status", "SubmittedAt") WHERE "Urgent" OR "Channel" = 'PointOfContact';

CREATE INDEX "IX_deliberation_consultations_OpenedAt" ON "deliberation_consultations" ("OpenedAt");

CREATE INDEX "IX_deliberation_deadline_changes_ConsultationId" ON "deliberation_deadline_changes" ("ConsultationId");

CREATE UNIQUE INDEX "IX_deliberation_draft_revisions_DraftId_Number" ON "deliberation_draft_revisions" ("DraftId", "Number");

CREATE INDEX "IX_deliberation_drafts_Status" ON "deliberation_drafts" ("Status");

CREATE UNIQUE INDEX "IX_deliberation_drafts_Symbol" ON "deliberation_drafts" ("Symbol");

CREATE INDEX "IX_deliberation_late_acceptances_ConsultationId_State" ON "deliberation_late_acceptances" ("ConsultationId", "State");

CREATE INDEX "IX_deliberation_submission_attachments_SubmissionId" ON "deliberation_submission_attachments" ("SubmissionId");

CREATE UNIQUE INDEX "IX_deliberation_submissions_ConsultationId_State" ON "deliberation_submissions" ("ConsultationId", "State");

CREATE INDEX "IX_deliberation_vote_footnotes_VoteId" ON "deliberation_vote_footnotes" ("VoteId");

CREATE INDEX "IX_deliberation_votes_DraftId" ON "deliberation_votes" ("DraftId");

CREATE INDEX "IX_deliberation_votes_Status_Date" ON "deliberation_votes" ("Status", "Date");

CREATE INDEX "IX_evidence_custody_events_ItemId_At" ON "evidence_custody_events" ("ItemId", "At");

CREATE INDEX "IX_evidence_items_ExpiresAt" ON "evidence_items" ("ExpiresAt") WHERE "ExpiresAt" IS NOT NULL;

CREATE INDEX "IX_evidence_items_KeyId" ON "evidence_items" ("KeyId");

CREATE INDEX "IX_evidence_items_PackageId" ON "evidence_items" ("PackageId");

CREATE INDEX "IX_evidence_items_RequestId_CreatedAt" ON "evidence_items" ("RequestId", "CreatedAt");

CREATE INDEX "IX_evidence_packages_RequestId_OwnerStateCode" ON "evidence_packages" ("RequestId", "OwnerStateCode");

CREATE INDEX "IX_knowledge_cases_State" ON "knowledge_cases" ("State");

CREATE UNIQUE INDEX "IX_knowledge_documents_Symbol_Language" ON "knowledge_documents" ("Symbol", "Language");

CREATE INDEX "IX_knowledge_expressions_State" ON "knowledge_expressions" ("State");

CREATE UNIQUE INDEX "IX_knowledge_expressions_WorkId_Language_Date" ON "knowledge_expressions" ("WorkId", "Language", "Date");

CREATE INDEX "IX_knowledge_provisions_ExpressionId" ON "knowledge_provisions" ("ExpressionId");

CREATE INDEX "IX_knowledge_provisions_State" ON "knowledge_provisions" ("State");

CREATE INDEX "IX_knowledge_provisions_WorkId" ON "knowledge_provisions" ("WorkId");

CREATE INDEX "IX_knowledge_works_State" ON "knowledge_works" ("State");

CREATE INDEX "IX_network_authorities_State_Kind" ON "network_authorities" ("State", "Kind");

CREATE INDEX "IX_network_profile_flags_State" ON "network_profile_flags" ("State");

CREATE UNIQUE INDEX "IX_network_profile_versions_State_Number" ON "network_profile_versions" ("State", "Number");

CREATE INDEX "IX_network_verification_checks_AuthorityId" ON "network_verification_checks" ("AuthorityId");

CREATE INDEX "IX_network_verification_checks_RoundId" ON "network_verification_checks" ("RoundId");

CREATE INDEX "IX_network_verification_checks_State_AcknowledgedAt" ON "network_verification_checks" ("State", "AcknowledgedAt");

CREATE INDEX "IX_notifications_deliveries_LeaseOwner" ON "notifications_deliveries" ("LeaseOwner");

CREATE INDEX "IX_notifications_deliveries_MessageId" ON "notifications_deliveries" ("MessageId");

CREATE INDEX "IX_notifications_deliveries_Status_NextAttemptAt" ON "notifications_deliveries" ("Status", "NextAttemptAt");

CREATE INDEX "IX_notifications_deliveries_WebhookId_CreatedAt" ON "notifications_deliveries" ("WebhookId", "CreatedAt");

CREATE INDEX "IX_notifications_delivery_attempts_DeliveryId" ON "notifications_delivery_attempts" ("DeliveryId");

CREATE INDEX "IX_notifications_delivery_attempts_WebhookId_At" ON "notifications_delivery_attempts" ("WebhookId", "At");

CREATE INDEX "IX_notifications_inbox_MessageId" ON "notifications_inbox" ("MessageId");

CREATE INDEX "IX_notifications_inbox_UserId_ReadAt_CreatedAt" ON "notifications_inbox" ("UserId", "ReadAt", "CreatedAt");

CREATE INDEX "IX_notifications_messages_SubjectId" ON "notifications_messages" ("SubjectId");

CREATE INDEX "IX_notifications_webhooks_StateCode_Active" ON "notifications_webhooks" ("StateCode", "Active");

CREATE UNIQUE INDEX "IX_trust_api_tokens_SecretDigest" ON "trust_api_tokens" ("SecretDigest");

CREATE INDEX "IX_trust_api_tokens_StateCode" ON "trust_api_tokens" ("StateCode");

CREATE INDEX "IX_trust_audit_entries_EntityType_EntityId" ON "trust_audit_entries" ("EntityType", "EntityId");

CREATE UNIQUE INDEX "IX_trust_audit_entries_Seal" ON "trust_audit_entries" ("Seal");

CREATE UNIQUE INDEX "IX_trust_audit_entries_Sequence" ON "trust_audit_entries" ("Sequence");

CREATE INDEX "IX_trust_audit_entries_StateCode_Id" ON "trust_audit_entries" ("StateCode", "Id");

CREATE INDEX "IX_trust_role_claims_RoleId" ON "trust_role_claims" ("RoleId");

CREATE UNIQUE INDEX "RoleNameIndex" ON "trust_roles" ("NormalizedName");

CREATE INDEX "IX_trust_sign_in_failures_Account_Address_At" ON "trust_sign_in_failures" ("Account", "Address", "At");

CREATE INDEX "IX_trust_sign_in_failures_Address_At" ON "trust_sign_in_failures" ("Address", "At");

CREATE INDEX "IX_trust_sign_in_failures_At" ON "trust_sign_in_failures" ("At");

CREATE INDEX "IX_trust_user_claims_UserId" ON "trust_user_claims" ("UserId");

CREATE INDEX "IX_trust_user_logins_UserId" ON "trust_user_logins" ("UserId");

CREATE INDEX "IX_trust_user_roles_RoleId" ON "trust_user_roles" ("RoleId");

CREATE INDEX "EmailIndex" ON "trust_users" ("NormalizedEmail");

CREATE INDEX "IX_trust_users_StateCode" ON "trust_users" ("StateCode");

CREATE UNIQUE INDEX "UserNameIndex" ON "trust_users" ("NormalizedUserName");

INSERT INTO "__entraide_migrations" ("MigrationId", "ProductVersion")
VALUES ('20261204060340_Initial', '10.0.15');


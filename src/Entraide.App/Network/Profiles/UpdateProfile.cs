using Entraide.App.Infrastructure.Hosting;
using Entraide.App.Network.Authorities;
using Entraide.App.Network.States;
using Entraide.App.Trust;
using Entraide.Domain.Common;
using Entraide.Domain.Network;
using Entraide.Domain.Trust;

namespace Entraide.App.Network.Profiles;

/// <summary>A profile change as sent by a State's administrators (API body and edit form).</summary>
/// <param name="Status">none, signatory or party.</param>
/// <param name="ExpectedVersion">The version the change was made from; a different current version answers 409.</param>
public sealed record UpdateProfile(
    string? Status,
    DateOnly? SignedOn,
    DateOnly? RatifiedOn,
    bool RequiresDualCriminalityForPreservation,
    bool RequiresDualCriminality,
    IReadOnlyList<string>? PoliticalOffenceTerms,
    IReadOnlyList<string>? AcceptedLanguages,
    bool AcceptsUrgentRequestsOrally,
    bool AcceptsUrgentRequestsByEmail,
    IReadOnlyList<string>? CriminalisedOptionalCategories,
    int? EmergencyAcknowledgementHours,
    string? Notes,
    int? ExpectedVersion,
    IReadOnlyList<string>? NotCriminalisedOptionalCategories = null);

/// <summary>The State's administrators change its Convention status, declarations and notes.</summary>
public sealed class UpdateProfileHandler(ProfileChanges changes, ProfileQueries queries, ICurrentActor current, TimeProvider clock,
    StateDirectory states) : IHandler
{
    public async Task<ProfileView> HandleAsync(string state, UpdateProfile command, CancellationToken ct)
    {
        state = states.CodeOrNotFound(state);
        current.Current.EnsureCanChange(state, Roles.StateAdministrator);
        var (details, errors) = DetailsOf(command);
        var now = clock.GetUtcNow();
        // Every problem at once, the status's included, before the stored version is compared.
        errors.AddRange(details.Validate(DateOnly.FromDateTime(now.UtcDateTime)));
        if (errors.Count > 0) throw new DomainException(FailureKind.Invalid, errors);

        var profile = await changes.LoadAsync(state, command.ExpectedVersion, ct);
        profile.Change(details, command.ExpectedVersion, now);
        await changes.CommitAsync(profile, "network.profile.update", ct);
        return await queries.GetAsync(state, Languages.Default, ct);
    }

    private static (ProfileDetails Details, List<DomainError> Errors) DetailsOf(UpdateProfile c)
    {
        var errors = new List<DomainError>();
        var status = Views.ParseStatus(c.Status);
        if (status is null) errors.Add(new DomainError("unknown-status", "status"));
        var declarations = new Declarations(c.RequiresDualCriminalityForPreservation, c.RequiresDualCriminality,
            AuthorityInput.Clean(c.PoliticalOffenceTerms), [.. AuthorityInput.Clean(c.AcceptedLanguages).Select(l => l.ToLowerInvariant())],
            c.AcceptsUrgentRequestsOrally, c.AcceptsUrgentRequestsByEmail, AuthorityInput.Clean(c.CriminalisedOptionalCategories),
            c.EmergencyAcknowledgementHours ?? Declarations.DefaultEmergencyAcknowledgementHours)
        {
            NotCriminalisedOptionalCategories = AuthorityInput.Clean(c.NotCriminalisedOptionalCategories),
        };
        var notes = string.IsNullOrWhiteSpace(c.Notes) ? null : c.Notes.Trim();
        return (new ProfileDetails(status ?? ConventionStatus.None, c.SignedOn, c.RatifiedOn, declarations, notes), errors);
    }
}

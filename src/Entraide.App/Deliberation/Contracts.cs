namespace Entraide.App.Deliberation;

/// <summary>
/// What other modules may read of Deliberation: the public record of resolutions (issued drafts and the
/// texts decided on them), never a draft in preparation nor a working revision. The Deliberation module
/// implements it; other modules never read its tables.
/// </summary>
public interface IAdoptedResolutions
{
    /// <summary>
    /// The public record of the draft issued under <paramref name="symbol"/> (its base symbol, e.g. A/C.3/74/L.11); null when none is.
    /// </summary>
    Task<ResolutionRecord?> FindBySymbolAsync(string symbol, CancellationToken ct);
}

/// <param name="Status">issued, adopted or rejected.</param>
/// <param name="CurrentSymbol">The symbol of the latest issued revision (A/C.3/74/L.11/Rev.1).</param>
public sealed record ResolutionRecord(Guid Id, string Symbol, string CurrentSymbol, string Title, string Status, DateTimeOffset? IssuedAt);

namespace Entraide.App.Infrastructure.Documents;

/// <summary>
/// Prints a self-contained HTML document (styles inline) to PDF. Used for formal request documents,
/// the register and compilations. Where no printer is available it throws a DomainException with
/// code <c>pdf-unavailable</c> (the host answers 503), and the HTML version stays available.
/// </summary>
public interface IPdfPrinter
{
    Task<byte[]> PrintAsync(string html, PdfOptions options, CancellationToken ct);
}

/// <param name="Landscape">Landscape pages (wide tables such as the register).</param>
/// <param name="HeaderTitle">Printed in the page header; page numbers are printed in the footer.</param>
public sealed record PdfOptions(bool Landscape = false, string? HeaderTitle = null);

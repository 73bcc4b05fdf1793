using Entraide.Domain.Cooperation;

namespace Entraide.Domain.Tests.Cooperation;

public sealed class RequestContentTests
{
    private static readonly string[] Languages = ["en", "fr", "es"];

    [Fact]
    public void CheckSubmission_EmptyMla_NamesEveryRequiredFieldWithArticle40()
    {
        var errors = RequestContent.CheckSubmission(RequestCatalogue.Of(RequestType.MutualLegalAssistance), new Dictionary<string, string?>(),
            "en", Languages);
        var missing = errors.Where(e => e.Code == "required").Select(e => (e.Field, e.Article)).ToList();
        Assert.Equal(
            [("requestingAuthority", "40"), ("subject", "40"), ("conductingAuthority", "40"), ("facts", "40"), ("assistanceSought", "40"),
                ("purpose", "40")],
            missing);
        Assert.DoesNotContain(errors, e => e.Field is "personsConcerned" or "procedure");
    }

    [Fact]
    public void CheckSubmission_PreservationWithoutIntentToRequestMla_IsRefusedUnderArticle42()
    {
        var fields = Complete(RequestType.ExpeditedPreservation);
        fields[RequestCatalogue.IntentToRequestMla] = "false";
        var errors = RequestContent.CheckSubmission(RequestCatalogue.Of(RequestType.ExpeditedPreservation), fields, "fr", Languages);
        var e = Assert.Single(errors);
        Assert.Equal(("affirmation-required", "intentToRequestMla", "42"), (e.Code, e.Field, e.Article));
    }

    [Fact]
    public void CheckSubmission_LanguageTheRequestedStateDoesNotAccept_IsRefused()
    {
        var errors = RequestContent.CheckSubmission(RequestCatalogue.Of(RequestType.EmergencyDisclosure),
            Complete(RequestType.EmergencyDisclosure), "ru", Languages);
        Assert.Equal("language-not-accepted", Assert.Single(errors).Code);
    }

    [Theory]
    [InlineData(RequestType.MutualLegalAssistance)]
    [InlineData(RequestType.ExpeditedPreservation)]
    [InlineData(RequestType.PreservedTrafficDisclosure)]
    [InlineData(RequestType.StoredDataAccess)]
    [InlineData(RequestType.EmergencyDisclosure)]
    [InlineData(RequestType.SpontaneousInformation)]
    public void CheckSubmission_CompleteRequest_HasNoErrors(RequestType type) =>
        Assert.Empty(RequestContent.CheckSubmission(RequestCatalogue.Of(type), Complete(type), "en", Languages));

    [Fact]
    public void CheckDraft_FieldOfAnotherType_IsRefused()
    {
        var errors = RequestContent.CheckDraft(RequestCatalogue.Of(RequestType.SpontaneousInformation),
            new Dictionary<string, string?> { ["dataToPreserve"] = "x" });
        Assert.Equal(("field-not-for-type", "dataToPreserve"), (Assert.Single(errors).Code, errors[0].Field));
    }

    [Fact]
    public void Catalogue_EveryTypeHasAUniqueCodeAndARequiringAuthority()
    {
        Assert.Equal(RequestCatalogue.All.Count, RequestCatalogue.All.Select(t => t.Code).Distinct().Count());
        Assert.All(RequestCatalogue.All, t => Assert.True(t.Field(RequestCatalogue.RequestingAuthority)?.Required));
    }

    internal static Dictionary<string, string?> Complete(RequestType type) =>
        RequestCatalogue.Of(type).Fields.ToDictionary(f => f.Name, f => (string?)(f.Kind == FieldKind.Affirmation ? "true" : "Some content for "
            + f.Name));
}

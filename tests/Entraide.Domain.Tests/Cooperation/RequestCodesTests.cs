using Entraide.Domain.Cooperation;

namespace Entraide.Domain.Tests.Cooperation;

public sealed class RequestCodesTests
{
    [Fact]
    public void Of_IsTheNameInKebabCase_AndTryParseReadsItBack()
    {
        Assert.Equal("under-assessment", RequestCodes.Of(RequestStatus.UnderAssessment));
        Assert.Equal("record-partial-execution", RequestCodes.Of(RequestAction.RecordPartialExecution));
        Assert.Equal("point-of-contact", RequestCodes.Of(Channel.PointOfContact));
        Assert.Equal("due-soon", RequestCodes.Of(DeadlineState.DueSoon));
        Assert.True(RequestCodes.TryParse(" Status-Enquiry ", out MessageKind kind));
        Assert.Equal(MessageKind.StatusEnquiry, kind);
        Assert.False(RequestCodes.TryParse("status\u0000enquiry", out kind));
    }

    [Fact]
    public void Of_ARequestType_IsItsCatalogueCode() => Assert.Equal("mla", RequestCodes.Of(RequestType.MutualLegalAssistance));
}

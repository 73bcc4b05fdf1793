using Entraide.Domain.Network;

namespace Entraide.Domain.Tests.Network;

public sealed class AuthorityTests
{
    public static AuthorityDetails Point() => new(
        AuthorityKinds.PointOfContact, "OCLCTIC 24/7", "101 rue des Trois Fontanot, Nanterre", ["+33 1 47 44 00 00"],
        "poc@interieur.example", ["fr", "en"], OfficeSchedule.Parse("mon-fri 09:00-18:00"), "Europe/Paris",
        ReplyChannels.Phone, AroundTheClock: true, AddressPublic: false, EmailPublic: false, PhonesPublic: false);

    private static IEnumerable<string> Codes(AuthorityDetails a) => a.Validate().Select(e => e.Code + ":" + e.Field);

    [Fact]
    public void Validate_CompletePoint_HasNoErrors() => Assert.Empty(Point().Validate());

    [Fact]
    public void Validate_PointWithPublicPhone_IsRefusedUnderArticle41()
    {
        var errors = (Point() with { PhonesPublic = true }).Validate();
        var e = Assert.Single(errors);
        Assert.Equal(("poc-phone-public", "phonesPublic", "41"), (e.Code, e.Field, e.Article));
    }

    [Fact]
    public void ShowsPhonesTo_PublicForPoint_NeverEvenWhenAFlagSaysSo()
    {
        var point = Point() with { PhonesPublic = true };
        Assert.False(point.ShowsPhonesTo(Audience.Public));
        Assert.True(point.ShowsPhonesTo(Audience.Authorities));
        var central = point with { Kind = AuthorityKinds.CentralAuthority };
        Assert.True(central.ShowsPhonesTo(Audience.Public));
    }

    [Fact]
    public void ShowsEmailAndAddress_FollowTheirFlagsForThePublicOnly()
    {
        var p = Point();
        Assert.False(p.ShowsEmailTo(Audience.Public));
        Assert.False(p.ShowsAddressTo(Audience.Public));
        Assert.True(p.ShowsEmailTo(Audience.Authorities));
        Assert.True((p with { EmailPublic = true }).ShowsEmailTo(Audience.Public));
    }

    [Theory]
    [InlineData("Europe/Pariss", "unknown-time-zone:timeZone")]
    [InlineData("", "unknown-time-zone:timeZone")]
    public void Validate_UnknownZone_IsRefused(string zone, string expected) =>
        Assert.Contains(expected, Codes(Point() with { TimeZone = zone }));

    [Fact]
    public void Validate_BadInputs_AreAllReportedTogether()
    {
        var bad = Point() with
        {
            Kind = "ministry",
            Name = " ",
            Phones = ["01 47 44 00 00"],
            Email = "not-an-address",
            Languages = ["French"],
            PreferredChannel = "fax",
        };
        var codes = Codes(bad).ToList();
        Assert.Contains("unknown-authority-kind:kind", codes);
        Assert.Contains("required:name", codes);
        Assert.Contains("phone-format:phones", codes);
        Assert.Contains("email-format:email", codes);
        Assert.Contains("language-code:languages", codes);
        Assert.Contains("unknown-channel:preferredChannel", codes);
    }

    [Fact]
    public void Validate_PointWithoutPhoneOrHours_CannotBeReached()
    {
        var codes = Codes(Point() with
        {
            Phones = [],
            AroundTheClock = false,
            OfficeHours = OfficeSchedule.Empty,
            PreferredChannel = ReplyChannels.Platform
        }).ToList();
        Assert.Contains("required:phones", codes);
        Assert.Contains("poc-unreachable:officeHours", codes);
    }
}

using System.Net;
using Entraide.App.Tests.Infrastructure;
using Entraide.Domain.Notifications;
using Entraide.Domain.Trust;

namespace Entraide.App.Tests.Cooperation;

/// <summary>Only urgent news is tagged Urgent, and each step is announced once.</summary>
[Collection(AppCollection.Name)]
public sealed class RequestNoticesTests(AppFixture fixture)
{
    [Theory, ClassData(typeof(Databases))]
    public async Task Preservation_ArrivesUrgent_ButLaterStepsAreOrdinary_AndEachIsAnnouncedOnce(Db db)
    {
        var app = fixture.App(db);
        var sent = await app.ClientFor("FRA", Roles.PointOfContact).SubmitAsync(CooperationTestData.Body("preservation", "JPN"));
        var id = sent.Id();
        await app.ClientFor("JPN", Roles.PointOfContact).StepAsync(id, "acknowledge").ExpectAsync(HttpStatusCode.OK);
        var notes = await app.NotificationsAboutAsync(Guid.Parse(id));
        var received = Assert.Single(notes, n => n.Kind == NotificationKinds.RequestReceived);
        Assert.True(received.Urgent);
        var acknowledged = Assert.Single(notes, n => n.Kind == NotificationKinds.RequestAcknowledged);
        Assert.False(acknowledged.Urgent);
        Assert.Equal(2, notes.Count);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Emergency_StaysUrgentWhileOpen(Db db)
    {
        var app = fixture.App(db);
        var sent = await app.ClientFor("FRA", Roles.PointOfContact).SubmitAsync(CooperationTestData.Body("emergency", "JPN"));
        await app.ClientFor("JPN", Roles.PointOfContact).StepAsync(sent.Id(), "acknowledge").ExpectAsync(HttpStatusCode.OK);
        var notes = await app.NotificationsAboutAsync(Guid.Parse(sent.Id()));
        Assert.All(notes, n => Assert.True(n.Urgent));
        Assert.Single(notes, n => n.Kind == NotificationKinds.RequestAcknowledged);
    }
}

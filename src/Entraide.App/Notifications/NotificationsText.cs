namespace Entraide.App.Notifications;

/// <summary>
/// Texts of notifications (per kind), of the inbox and webhook pages, and of the module's error codes (<c>NotificationsText.*.resx</c>).
/// </summary>
public sealed class NotificationsText;

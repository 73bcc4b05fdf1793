namespace Entraide.App.Notifications.Delivery;

/// <summary>Mail server settings (<c>Smtp:*</c>). Without <see cref="Host"/> no e-mail is sent and e-mail jobs are marked skipped.</summary>
public sealed class SmtpSettings
{
    public string? Host { get; set; }
    public int Port { get; set; } = 25;
    public string From { get; set; } = "Entraide <no-reply@entraide.int>";
    public string? UserName { get; set; }
    public string? Password { get; set; }
    /// <summary><c>auto</c> (STARTTLS when offered), <c>none</c>, <c>starttls</c> or <c>ssl</c>.</summary>
    public string Security { get; set; } = "auto";
    public int TimeoutSeconds { get; set; } = 30;

    public bool Configured => !string.IsNullOrWhiteSpace(Host);
}

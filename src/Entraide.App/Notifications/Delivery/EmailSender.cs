using System.Text;
using System.Text.Encodings.Web;
using Entraide.App.Notifications.Outbox;
using Entraide.App.Trust;
using Entraide.Domain.Common;
using Entraide.Domain.Notifications;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Entraide.App.Notifications.Delivery;

/// <summary>Sends the e-mail of one notification to one account or contact, in their language.</summary>
public sealed partial class EmailSender(
    IOptionsMonitor<SmtpSettings> smtp,
    IOptionsMonitor<NotificationSettings> settings,
    NotificationRenderer texts,
    ILogger<EmailSender> logger)
{
    public Task<DeliveryOutcome> SendAsync(NotificationMessage message, AccountMailbox account, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(account.Email)) return Task.FromResult(DeliveryOutcome.Skip(DeliveryErrors.NoEmailAddress));
        var lang = Languages.Normalise(account.PreferredLanguage) ?? Languages.Default;
        return SendAsync(message, new MailboxAddress(account.DisplayName, account.Email), lang, ct);
    }

    /// <summary>Sends to a mailbox outside the accounts (a register contact), in the given language.</summary>
    public Task<DeliveryOutcome> SendAsync(NotificationMessage message, string mailbox, string? language, CancellationToken ct)
    {
        if (!MailboxAddress.TryParse(mailbox, out var to)) return Task.FromResult(DeliveryOutcome.Skip(DeliveryErrors.InvalidEmailAddress));
        return SendAsync(message, to, Languages.Normalise(language) ?? Languages.Default, ct);
    }

    private async Task<DeliveryOutcome> SendAsync(NotificationMessage message, MailboxAddress to, string lang, CancellationToken ct)
    {
        var s = smtp.CurrentValue;
        if (!s.Configured) return DeliveryOutcome.Skip(DeliveryErrors.NoMailServer);

        var mail = Compose(message, to, lang, s.From);
        using var client = new SmtpClient { Timeout = s.TimeoutSeconds * 1000 };
        try
        {
            var security = s.Security.Trim().ToLowerInvariant() switch
            {
                "none" => SecureSocketOptions.None,
                "starttls" => SecureSocketOptions.StartTls,
                "ssl" => SecureSocketOptions.SslOnConnect,
                _ => SecureSocketOptions.StartTlsWhenAvailable,
            };
            await client.ConnectAsync(s.Host!, s.Port, security, ct);
            if (!string.IsNullOrEmpty(s.UserName)) await client.AuthenticateAsync(s.UserName, s.Password ?? "", ct);
            await client.SendAsync(mail, ct);
            await client.DisconnectAsync(quit: true, ct);
            return DeliveryOutcome.Ok;
        }
        catch (SmtpCommandException ex)
        {
            LogMailFailed(logger, message.Kind, ex.Message);
            // 5xx answers (unknown mailbox, refused sender) will not mend on their own.
            var status = (int)ex.StatusCode;
            return status >= 500
                ? DeliveryOutcome.Permanent(DeliveryErrors.MailRefused, status)
                : DeliveryOutcome.Transient(DeliveryErrors.MailUnavailable, status);
        }
        catch (Exception ex) when (ex is SmtpProtocolException or IOException or System.Net.Sockets.SocketException or TimeoutException
                                       or SslHandshakeException or AuthenticationException)
        {
            LogMailFailed(logger, message.Kind, ex.Message);
            return DeliveryOutcome.Transient(DeliveryErrors.MailUnavailable);
        }
    }

    internal MimeMessage Compose(NotificationMessage message, MailboxAddress to, string lang, string from)
    {
        var title = texts.Title(message, lang);
        var body = texts.Body(message, lang);
        var link = settings.CurrentValue.LinkTo(message.Link);
        var subject = message.Urgent ? texts.Get("email.urgent", lang) + " " + title : title;

        var mail = new MimeMessage();
        mail.From.Add(MailboxAddress.Parse(from));
        mail.To.Add(to);
        mail.Subject = subject;
        mail.Headers.Add("X-Entraide-Event", message.Kind);
        if (message.Urgent)
        {
            mail.Priority = MessagePriority.Urgent;
            mail.Importance = MessageImportance.High;
        }
        var dir = Languages.IsRightToLeft(lang) ? "rtl" : "ltr";
        var text = new StringBuilder()
            .AppendLine(title).AppendLine()
            .AppendLine(body).AppendLine()
            .AppendLine(texts.Get("email.open", lang)).AppendLine(link).AppendLine()
            .AppendLine("—").AppendLine(texts.Get("email.footer", lang))
            .ToString();
        var h = HtmlEncoder.Default;
        var html =
            $"<!DOCTYPE html><html lang=\"{lang}\" dir=\"{dir}\"><head><meta charset=\"utf-8\"><title>{h.Encode(title)}</title></head>" +
            "<body style=\"font-family:system-ui,'Noto Sans','Noto Sans Arabic','Noto Sans CJK SC',sans-serif;line-height:1.5\">" +
            $"<h1 style=\"font-size:1.2em\">{h.Encode(title)}</h1><p>{h.Encode(body)}</p>" +
            $"<p><a href=\"{h.Encode(link)}\">{h.Encode(texts.Get("email.open", lang))}</a></p>" +
            $"<p style=\"color:#5b6470;font-size:.9em\">{h.Encode(texts.Get("email.footer", lang))}</p></body></html>";
        var entity = new BodyBuilder { TextBody = text, HtmlBody = html }.ToMessageBody();
        // MIME keeps Content-* headers on the body entity, not on the message envelope.
        entity.Headers.Add(HeaderId.ContentLanguage, lang);
        mail.Body = entity;
        return mail;
    }

    // The mail server is Entraide's own: its answers go to the operators' log, not to anyone's screen.
    [LoggerMessage(Level = LogLevel.Warning, Message = "An e-mail for {Kind} could not be sent: {Reason}")]
    private static partial void LogMailFailed(ILogger logger, string kind, string reason);
}

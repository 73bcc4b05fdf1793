using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Entraide.App.Infrastructure.Persistence;
using Entraide.App.Trust;
using Entraide.Domain.Common;
using Entraide.Domain.Notifications;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Entraide.App.Notifications;

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

/// <summary>Dispatcher and webhook settings (<c>Notifications:*</c>).</summary>
public sealed class NotificationSettings
{
    /// <summary>Seconds between polls when nothing wakes the dispatcher (retries fall due this way).</summary>
    public double PollSeconds { get; set; } = 5;
    public int BatchSize { get; set; } = 100;
    public int Parallelism { get; set; } = 8;
    public bool DispatcherEnabled { get; set; } = true;
    /// <summary>Webhook URLs must be HTTPS unless this is set (local development and tests).</summary>
    public bool AllowHttpWebhooks { get; set; }
    public int WebhookTimeoutSeconds { get; set; } = 10;
    /// <summary>The address people use to reach Entraide, to make links in e-mails and webhook bodies absolute.</summary>
    public string? PublicUrl { get; set; }
}

/// <summary>What came of one attempt.</summary>
public sealed record DeliveryOutcome(bool Succeeded, bool Retry, int? StatusCode, string? Error, bool Skipped = false)
{
    public static readonly DeliveryOutcome Ok = new(true, false, null, null);
    public static DeliveryOutcome Skip(string why) => new(false, false, null, why, Skipped: true);
}

/// <summary>Sends the e-mail of one notification to one account, in the account's preferred language.</summary>
public sealed class EmailSender(IOptionsMonitor<SmtpSettings> smtp, IOptionsMonitor<NotificationSettings> settings, NotificationTexts texts)
{
    public Task<DeliveryOutcome> SendAsync(NotificationMessage message, EntraideUser user, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(user.Email)) return Task.FromResult(DeliveryOutcome.Skip("the account has no e-mail address"));
        return SendAsync(message, new MailboxAddress(user.DisplayName, user.Email), Languages.Normalise(user.PreferredLanguage) ?? Languages.Default, ct);
    }

    /// <summary>Sends to a mailbox outside the accounts (a register contact), in the given language.</summary>
    public Task<DeliveryOutcome> SendAsync(NotificationMessage message, string mailbox, string? language, CancellationToken ct)
    {
        if (!MailboxAddress.TryParse(mailbox, out var to)) return Task.FromResult(DeliveryOutcome.Skip("the address is not a valid e-mail address"));
        return SendAsync(message, to, Languages.Normalise(language) ?? Languages.Default, ct);
    }

    private async Task<DeliveryOutcome> SendAsync(NotificationMessage message, MailboxAddress to, string lang, CancellationToken ct)
    {
        var s = smtp.CurrentValue;
        if (!s.Configured) return DeliveryOutcome.Skip("no mail server configured");

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
            // 5xx answers (unknown mailbox, refused sender) will not mend on their own.
            var permanent = (int)ex.StatusCode >= 500;
            return new DeliveryOutcome(false, !permanent, (int)ex.StatusCode, Trim(ex.Message));
        }
        catch (Exception ex) when (ex is SmtpProtocolException or IOException or System.Net.Sockets.SocketException or TimeoutException or SslHandshakeException or AuthenticationException)
        {
            return new DeliveryOutcome(false, true, null, Trim(ex.Message));
        }
    }

    internal MimeMessage Compose(NotificationMessage message, MailboxAddress to, string lang, string from)
    {
        var title = texts.Title(message, lang);
        var body = texts.Body(message, lang);
        var link = AbsoluteLink(settings.CurrentValue.PublicUrl, message.Link);
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
            $"<body style=\"font-family:system-ui,'Noto Sans','Noto Sans Arabic','Noto Sans CJK SC',sans-serif;line-height:1.5\">" +
            $"<h1 style=\"font-size:1.2em\">{h.Encode(title)}</h1><p>{h.Encode(body)}</p>" +
            $"<p><a href=\"{h.Encode(link)}\">{h.Encode(texts.Get("email.open", lang))}</a></p>" +
            $"<p style=\"color:#5b6470;font-size:.9em\">{h.Encode(texts.Get("email.footer", lang))}</p></body></html>";
        var entity = new BodyBuilder { TextBody = text, HtmlBody = html }.ToMessageBody();
        // MIME keeps Content-* headers on the body entity, not on the message envelope.
        entity.Headers.Add(HeaderId.ContentLanguage, lang);
        mail.Body = entity;
        return mail;
    }

    internal static string AbsoluteLink(string? publicUrl, string path) =>
        string.IsNullOrWhiteSpace(publicUrl) ? path : publicUrl.TrimEnd('/') + path;

    internal static string Trim(string s) => s.Length <= 1000 ? s : s[..1000];
}

/// <summary>Calls a State's webhook with the notification as signed JSON.</summary>
public sealed class WebhookSender(IHttpClientFactory http, IDataProtectionProvider protection, IOptionsMonitor<NotificationSettings> settings, TimeProvider clock)
{
    public const string ClientName = "entraide.webhooks";
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public async Task<DeliveryOutcome> SendAsync(NotificationMessage message, WebhookSubscription hook, Guid deliveryId, CancellationToken ct)
    {
        if (!hook.Active) return DeliveryOutcome.Skip("the subscription is switched off");
        var secret = WebhookSecrets.Unprotect(protection, hook.ProtectedSecret);
        if (secret is null) return new DeliveryOutcome(false, false, null, "the secret cannot be read; rotate it");

        var body = Body(message, deliveryId, settings.CurrentValue.PublicUrl);
        var timestamp = clock.GetUtcNow().ToUnixTimeSeconds();
        using var request = new HttpRequestMessage(HttpMethod.Post, hook.Url) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        request.Headers.Add(WebhookSignature.EventHeader, message.Kind);
        request.Headers.Add(WebhookSignature.DeliveryHeader, deliveryId.ToString());
        request.Headers.Add(WebhookSignature.TimestampHeader, timestamp.ToString(System.Globalization.CultureInfo.InvariantCulture));
        request.Headers.Add(WebhookSignature.SignatureHeader, WebhookSignature.Sign(secret, timestamp, body));
        request.Headers.UserAgent.ParseAdd("Entraide-Webhooks/1");

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(settings.CurrentValue.WebhookTimeoutSeconds));
        try
        {
            using var response = await http.CreateClient(ClientName).SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            var status = (int)response.StatusCode;
            if (response.IsSuccessStatusCode) return new DeliveryOutcome(true, false, status, null);
            return new DeliveryOutcome(false, DeliveryPolicy.IsTransient(status), status, $"HTTP {status} {response.ReasonPhrase}");
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            return new DeliveryOutcome(false, true, null, "no answer in time");
        }
        catch (HttpRequestException ex)
        {
            return new DeliveryOutcome(false, true, null, EmailSender.Trim(ex.Message));
        }
    }

    /// <summary>The JSON body: stable field names, documented in docs/decisions/notifications-webhook-signing.md.</summary>
    public static byte[] Body(NotificationMessage m, Guid deliveryId, string? publicUrl) =>
        JsonSerializer.SerializeToUtf8Bytes(new
        {
            id = deliveryId,
            @event = m.Kind,
            notificationId = m.Id,
            occurredAt = m.CreatedAt,
            state = m.RecipientState,
            roles = m.RecipientRoles.Split(',', StringSplitOptions.RemoveEmptyEntries),
            subjectId = m.SubjectId,
            link = EmailSender.AbsoluteLink(publicUrl, m.Link),
            urgent = m.Urgent,
            arguments = NotificationTexts.ArgumentsOf(m),
        }, Json);
}

/// <summary>Webhook secrets: random, shown once, kept encrypted with the host's data-protection keys.</summary>
public static class WebhookSecrets
{
    private const string Purpose = "Entraide.Notifications.WebhookSecret.v1";
    public const string Prefix = "whsec_";

    public static string New() =>
        Prefix + Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static string Protect(IDataProtectionProvider p, string secret) => p.CreateProtector(Purpose).Protect(secret);

    public static string? Unprotect(IDataProtectionProvider p, string stored)
    {
        try
        {
            return p.CreateProtector(Purpose).Unprotect(stored);
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            return null;
        }
    }
}

/// <summary>
/// Works off the delivery jobs: claims due jobs (urgent first) with a lease, so that two dispatchers
/// (two server processes, or a pass run by hand) never send the same job at once, sends them a few
/// at a time, and records each attempt. A failed attempt is retried on the <see cref="DeliveryPolicy"/>
/// schedule.
/// </summary>
public sealed partial class DeliveryWorker(
    IServiceScopeFactory scopes,
    TimeProvider clock,
    IOptionsMonitor<NotificationSettings> settings,
    ILogger<DeliveryWorker> logger)
{
    public static readonly TimeSpan Lease = TimeSpan.FromMinutes(2);
    private TaskCompletionSource _pass = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes when the next pass of the dispatcher ends (tests and benchmarks await it rather than sleep).</summary>
    public Task NextPassAsync() => Volatile.Read(ref _pass).Task;

    internal void PassEnded() => Interlocked.Exchange(ref _pass, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();

    /// <summary>
    /// Claims and delivers one batch of due jobs (only urgent ones when <paramref name="urgentOnly"/>);
    /// returns how many were claimed. The batch costs a fixed number of database round trips whatever
    /// its size: claim, load what the sends need, send in parallel, then record every outcome in one
    /// save. A crash between a send and that save re-sends the job once its lease runs out: delivery is
    /// at least once, and receivers recognise a repeat by its <c>Entraide-Delivery</c> id.
    /// </summary>
    public async Task<int> RunBatchAsync(bool urgentOnly, CancellationToken ct)
    {
        var s = settings.CurrentValue;
        var owner = Guid.CreateVersion7();
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<EntraideDbContext>();
        var now = clock.GetUtcNow();
        var due = await db.Set<DeliveryJob>().AsNoTracking()
            .Where(j => j.Status == DeliveryStatus.Pending && j.NextAttemptAt <= now && (j.LeaseUntil == null || j.LeaseUntil < now))
            .Where(j => !urgentOnly || j.Urgent)
            .OrderByDescending(j => j.Urgent).ThenBy(j => j.NextAttemptAt)
            .Select(j => j.Id)
            .Take(s.BatchSize)
            .ToListAsync(ct);
        if (due.Count == 0) return 0;
        var until = now + Lease;
        await db.Set<DeliveryJob>()
            .Where(j => due.Contains(j.Id) && j.Status == DeliveryStatus.Pending && (j.LeaseUntil == null || j.LeaseUntil < now))
            .ExecuteUpdateAsync(u => u.SetProperty(j => j.LeaseUntil, until).SetProperty(j => j.LeaseOwner, owner), ct);
        var jobs = await db.Set<DeliveryJob>().Where(j => j.LeaseOwner == owner).ToListAsync(ct);
        if (jobs.Count == 0) return 0;

        var messageIds = jobs.Select(j => j.MessageId).Distinct().ToList();
        var messages = await db.Set<NotificationMessage>().AsNoTracking().Where(m => messageIds.Contains(m.Id)).ToDictionaryAsync(m => m.Id, ct);
        var userIds = jobs.Where(j => j.UserId != null).Select(j => j.UserId!).Distinct().ToList();
        var users = userIds.Count == 0 ? [] : await db.Users.AsNoTracking().Where(u => userIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, ct);
        var hookIds = jobs.Where(j => j.WebhookId != null).Select(j => j.WebhookId!.Value).Distinct().ToList();
        var hooks = hookIds.Count == 0 ? [] : await db.Set<WebhookSubscription>().AsNoTracking().Where(w => hookIds.Contains(w.Id)).ToDictionaryAsync(w => w.Id, ct);
        var email = scope.ServiceProvider.GetRequiredService<EmailSender>();
        var webhook = scope.ServiceProvider.GetRequiredService<WebhookSender>();

        // Urgent jobs first in the list, so they are the first to start.
        var ordered = jobs.OrderByDescending(j => j.Urgent).ThenBy(j => j.NextAttemptAt).ToList();
        var outcomes = new System.Collections.Concurrent.ConcurrentDictionary<Guid, (DeliveryOutcome Outcome, TimeSpan Took)>();
        await Parallel.ForEachAsync(ordered, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, s.Parallelism), CancellationToken = ct },
            async (job, token) =>
            {
                var started = Stopwatch.GetTimestamp();
                var outcome = await SendAsync(job, messages.GetValueOrDefault(job.MessageId), users, hooks, email, webhook, token);
                outcomes[job.Id] = (outcome, Stopwatch.GetElapsedTime(started));
            });

        var done = clock.GetUtcNow();
        foreach (var job in jobs)
        {
            if (!outcomes.TryGetValue(job.Id, out var o)) continue;
            Record(db, job, messages.GetValueOrDefault(job.MessageId)?.Kind ?? "", o.Outcome, o.Took, done);
        }
        await db.SaveChangesAsync(CancellationToken.None);
        return jobs.Count;
    }

    /// <summary>Runs batches until nothing is due.</summary>
    public Task<int> RunUntilIdleAsync(CancellationToken ct) => RunUntilIdleAsync(urgentOnly: false, ct);

    /// <summary>Runs batches until nothing is due (only urgent jobs when <paramref name="urgentOnly"/>).</summary>
    public async Task<int> RunUntilIdleAsync(bool urgentOnly, CancellationToken ct)
    {
        var total = 0;
        int n;
        do
        {
            n = await RunBatchAsync(urgentOnly, ct);
            total += n;
        } while (n >= settings.CurrentValue.BatchSize);
        return total;
    }

    private async Task<DeliveryOutcome> SendAsync(DeliveryJob job, NotificationMessage? message,
        Dictionary<string, EntraideUser> users, Dictionary<Guid, WebhookSubscription> hooks,
        EmailSender email, WebhookSender webhook, CancellationToken ct)
    {
        if (message is null) return DeliveryOutcome.Skip("the notification no longer exists");
        try
        {
            return job.Channel switch
            {
                DeliveryChannels.Email when job.Address is not null => await email.SendAsync(message, job.Address, job.Language, ct),
                DeliveryChannels.Email => job.UserId is not null && users.TryGetValue(job.UserId, out var user)
                    ? await email.SendAsync(message, user, ct)
                    : DeliveryOutcome.Skip("the account no longer exists"),
                DeliveryChannels.Webhook => job.WebhookId is { } hookId && hooks.TryGetValue(hookId, out var hook)
                    ? await webhook.SendAsync(message, hook, job.Id, ct)
                    : DeliveryOutcome.Skip("the subscription was deleted"),
                _ => DeliveryOutcome.Skip("unknown channel"),
            };
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            LogDeliveryFailed(logger, ex, job.Id, job.Channel);
            return new DeliveryOutcome(false, true, null, EmailSender.Trim(ex.Message));
        }
    }

    private static void Record(EntraideDbContext db, DeliveryJob job, string kind, DeliveryOutcome outcome, TimeSpan took, DateTimeOffset now)
    {
        job.Attempts++;
        job.LastStatusCode = outcome.StatusCode;
        job.LastError = outcome.Error;
        job.LeaseUntil = null;
        job.LeaseOwner = null;
        if (outcome.Skipped)
        {
            job.Status = DeliveryStatus.Skipped;
            job.CompletedAt = now;
        }
        else if (outcome.Succeeded)
        {
            job.Status = DeliveryStatus.Delivered;
            job.CompletedAt = now;
        }
        else if (outcome.Retry && DeliveryPolicy.NextAttempt(job.Attempts, now) is { } next)
        {
            job.NextAttemptAt = next;
        }
        else
        {
            job.Status = DeliveryStatus.Failed;
            job.CompletedAt = now;
        }
        // The log is for administrators of webhooks; a skipped e-mail has nothing to tell them.
        if (!outcome.Skipped || job.Channel == DeliveryChannels.Webhook)
        {
            db.Add(new DeliveryAttempt
            {
                Id = Guid.CreateVersion7(),
                DeliveryId = job.Id,
                WebhookId = job.WebhookId,
                StateCode = job.StateCode,
                Kind = kind,
                Number = job.Attempts,
                At = now,
                DurationMs = (int)Math.Min(int.MaxValue, took.TotalMilliseconds),
                StatusCode = outcome.StatusCode,
                Succeeded = outcome.Succeeded,
                Error = outcome.Error,
            });
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Delivery {DeliveryId} by {Channel} failed unexpectedly; it will be retried")]
    private static partial void LogDeliveryFailed(ILogger logger, Exception ex, Guid deliveryId, string channel);
}

/// <summary>
/// Runs the <see cref="DeliveryWorker"/> right after each commit that enqueued deliveries, and every
/// few seconds for retries, in two lanes: one for urgent jobs only, one for all (urgent first).
/// </summary>
public sealed partial class NotificationDispatcher(
    DeliveryWorker worker,
    NotificationSignal signal,
    IHostApplicationLifetime lifetime,
    IOptionsMonitor<NotificationSettings> settings,
    ILogger<NotificationDispatcher> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!settings.CurrentValue.DispatcherEnabled) return;
        // The database is migrated by another hosted service: wait until the host has started.
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using (lifetime.ApplicationStarted.Register(() => started.TrySetResult()))
        using (stoppingToken.Register(() => started.TrySetCanceled(stoppingToken)))
        {
            try { await started.Task; } catch (OperationCanceledException) { return; }
        }
        await Task.WhenAll(LaneAsync(urgentLane: true, stoppingToken), LaneAsync(urgentLane: false, stoppingToken));
    }

    private async Task LaneAsync(bool urgentLane, CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await worker.RunUntilIdleAsync(urgentLane, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                LogPassFailed(logger, ex);
            }
            finally
            {
                worker.PassEnded();
            }
            try
            {
                await signal.WaitAsync(urgentLane, TimeSpan.FromSeconds(Math.Max(0.05, settings.CurrentValue.PollSeconds)), stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "A notification delivery pass failed; the next pass retries")]
    private static partial void LogPassFailed(ILogger logger, Exception ex);
}

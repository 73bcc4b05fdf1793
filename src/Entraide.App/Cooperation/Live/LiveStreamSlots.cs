namespace Entraide.App.Cooperation.Live;

/// <summary>
/// How many live streams each account holds open in this process, against <c>Cooperation:LiveStreamsPerAccount</c> (5): a
/// 24/7 officer has a few pages open, never hundreds, and each stream holds a connection and a feed of the inbox. A slot is
/// taken when a stream opens and given back when its response ends, however it ends (the page closed, the session over, the
/// server stopping).
/// </summary>
public sealed class LiveStreamSlots(IConfiguration config)
{
    public const int DefaultPerAccount = 5;
    private readonly Dictionary<string, int> _open = new(StringComparer.Ordinal);

    public int PerAccount => Math.Clamp(config.GetValue("Cooperation:LiveStreamsPerAccount", DefaultPerAccount), 1, 1000);

    /// <summary>A slot for one more stream of <paramref name="accountId"/>, to dispose of when it ends; null when all are taken.</summary>
    public IDisposable? TryTake(string accountId)
    {
        lock (_open)
        {
            var n = _open.GetValueOrDefault(accountId);
            if (n >= PerAccount) return null;
            _open[accountId] = n + 1;
        }
        return new Slot(this, accountId);
    }

    /// <summary>The streams of <paramref name="accountId"/> open now.</summary>
    public int OpenFor(string accountId)
    {
        lock (_open) return _open.GetValueOrDefault(accountId);
    }

    private void Release(string accountId)
    {
        lock (_open)
        {
            var n = _open.GetValueOrDefault(accountId) - 1;
            if (n <= 0) _open.Remove(accountId);
            else _open[accountId] = n;
        }
    }

    private sealed class Slot(LiveStreamSlots slots, string accountId) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0) slots.Release(accountId);
        }
    }
}

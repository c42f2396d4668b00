using Augment.Core.Diagnostics;
using Augment.Core.Platform;

namespace Augment.Core.Cache;

/// <summary>
/// Makes written files durable in groups. A build writes each item's cache objects without an fsync
/// of its own and adds the item here; when <see cref="Size"/> items are waiting (and at the end),
/// one syncfs(2) of each file system involved puts all their bytes on disk, and only then does
/// <c>commit</c> run for each item: its key record is written and its outputs appear under their
/// final names. So after a power cut no key record names a lost object and no output is partial
/// (PRODUCT.md section 10), at the cost of one sync per group instead of one fsync per file, which
/// cost more than encoding a small JPEG. Where syncfs fails, each file is fsynced. A full group is
/// synced and committed on a thread of its own while rendering goes on (groups in order, one at a
/// time); <see cref="Flush"/> waits for them and rethrows what failed.
/// </summary>
internal sealed class DurableBatch<T>(IReadOnlyList<string> roots, Action<T> commit, int size = DurableBatch<T>.DefaultSize)
{
    public const int DefaultSize = 32;

    private readonly Lock _gate = new();
    private List<(T Item, IReadOnlyList<string> Files)> _pending = [];
    private Task _committing = Task.CompletedTask;
    private bool _committed;

    public int Size => size;

    /// <summary>Queues an item whose <paramref name="files"/> were written without fsync; may commit a full group.</summary>
    public void Add(T item, IReadOnlyList<string> files)
    {
        lock (_gate)
        {
            _pending.Add((item, files));
            if (_pending.Count >= size)
            {
                var full = _pending;
                _pending = [];
                // A dedicated thread, not the pool's: the build's workers hold the pool's threads.
                _committing = _committing.ContinueWith(
                    previous =>
                    {
                        previous.GetAwaiter().GetResult(); // after a failed group, commit no later one
                        Commit(full);
                    },
                    CancellationToken.None,
                    TaskContinuationOptions.LongRunning,
                    TaskScheduler.Default);
            }
        }
    }

    /// <summary>Commits what is waiting, then syncs again so that what the commits wrote is on disk too.</summary>
    public void Flush()
    {
        List<(T, IReadOnlyList<string>)> rest;
        Task committing;
        lock (_gate)
        {
            (rest, _pending) = (_pending, []);
            committing = _committing;
        }

        committing.GetAwaiter().GetResult();
        Commit(rest);
        if (_committed)
        {
            Sync([]);
        }
    }

    private void Commit(List<(T Item, IReadOnlyList<string> Files)> group)
    {
        if (group.Count == 0)
        {
            return;
        }

        Sync(group.SelectMany(g => g.Files));
        _committed = true;
        foreach (var (item, _) in group)
        {
            commit(item);
        }
    }

    private void Sync(IEnumerable<string> files)
    {
        using var profile = BuildProfile.Measure("render.sync");
        if (roots.All(NativeFiles.TrySyncFileSystem))
        {
            return;
        }

        foreach (var file in files)
        {
            using var stream = new FileStream(file, FileMode.Open, FileAccess.ReadWrite, FileShare.ReadWrite);
            stream.Flush(flushToDisk: true);
        }
    }
}

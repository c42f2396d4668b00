using Augment.Core.Dataset;

namespace Augment.Cli.Commands;

/// <summary>
/// Progress of a build: a bar redrawn in place on a terminal, plain lines every 10% when the output
/// is redirected (a CI log).
/// </summary>
internal sealed class ProgressReporter(TextWriter writer) : IBuildObserver
{
    private readonly bool _terminal = !Console.IsErrorRedirected;
    private readonly Lock _gate = new();
    private int _total;
    private int _finished;
    private int _lastDecile = -1;

    public void Planned(int toRender, int toRestore, int upToDate, int failed)
    {
        // Items that failed in planning (a missing source) are finished like the others: counted in.
        _total = toRender + toRestore + failed;
        if (_total > 0)
        {
            writer.WriteLine($"{toRender} to render, {toRestore} to restore from the cache, {upToDate} up to date" + (failed > 0 ? $", {failed} failed already" : string.Empty));
        }
    }

    public void ItemFinished(string image, ItemAction action, string? error)
    {
        if (action == ItemAction.UpToDate || _total == 0)
        {
            return;
        }

        lock (_gate)
        {
            _finished++;
            if (_terminal)
            {
                var width = 30;
                var filled = width * _finished / _total;
                writer.Write($"\r[{new string('#', filled)}{new string('.', width - filled)}] {_finished}/{_total}");
            }
            else if (_finished * 10 / _total is var decile && decile != _lastDecile)
            {
                _lastDecile = decile;
                writer.WriteLine($"{_finished}/{_total} items");
            }
        }
    }

    public void WaitingForLock(string lockPath) => writer.WriteLine($"waiting for another build to release {lockPath} ...");

    public void Finish()
    {
        if (_terminal && _total > 0)
        {
            writer.WriteLine();
        }
    }
}

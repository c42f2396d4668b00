using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace Augment.Core.Diagnostics;

/// <summary>
/// Where a build's time goes: stopwatch totals per phase, collected only when the environment
/// variable <c>AUGMENT_PROFILE</c> names a file, to which <see cref="Flush"/> appends one line per
/// phase ("phase seconds calls", tab-separated; thread time summed over threads, so phases that
/// run in parallel can add up to more than the wall time, and nested phases are inside their
/// parents). The end-to-end benchmark (bench/) reads it for docs/benchmarks.md. When the variable is
/// not set a measurement costs one static field read and nothing is recorded.
/// </summary>
public static class BuildProfile
{
    public const string Variable = "AUGMENT_PROFILE";

    private static readonly string? Target = Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } path ? path : null;
    private static readonly ConcurrentDictionary<string, Counter> Counters = new(StringComparer.Ordinal);

    public static bool Enabled => Target is not null;

    /// <summary>Times the scope (a using block) under <paramref name="phase"/>.</summary>
    public static Scope Measure(string phase) => Target is null ? default : new Scope(phase, Stopwatch.GetTimestamp());

    /// <summary>Times the scope under a name built only when profiling is on.</summary>
    public static Scope Measure(string prefix, string name) => Target is null ? default : new Scope(prefix + name, Stopwatch.GetTimestamp());

    /// <summary>Appends the totals to the profile file and starts over.</summary>
    public static void Flush()
    {
        if (Target is null)
        {
            return;
        }

        var text = new StringBuilder();
        foreach (var (phase, counter) in Counters.OrderBy(c => c.Key, StringComparer.Ordinal))
        {
            text.Append(CultureInfo.InvariantCulture, $"{phase}\t{Stopwatch.GetElapsedTime(0, counter.Ticks).TotalSeconds:F4}\t{counter.Calls}\n");
        }

        Counters.Clear();
        File.AppendAllText(Target, text.ToString());
    }

    private static void Add(string phase, long ticks)
    {
        var counter = Counters.GetOrAdd(phase, _ => new Counter());
        Interlocked.Add(ref counter.Ticks, ticks);
        Interlocked.Increment(ref counter.Calls);
    }

    public readonly struct Scope : IDisposable
    {
        private readonly string? _phase;
        private readonly long _start;

        internal Scope(string phase, long start)
        {
            _phase = phase;
            _start = start;
        }

        public void Dispose()
        {
            if (_phase is not null)
            {
                Add(_phase, Stopwatch.GetTimestamp() - _start);
            }
        }
    }

    private sealed class Counter
    {
        public long Ticks;
        public long Calls;
    }
}

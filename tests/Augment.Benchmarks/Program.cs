using Augment.Benchmarks.Support;
using BenchmarkDotNet.Running;

// Runs the benchmarks the arguments select (--filter '*Codec*', --list flat, --job short, ...; see
// README.md) with the one shared config. BenchmarkDotNet takes a config's default job as the base
// of every run and then ignores --job, so the config's own job is left out when --job is given.
// Exits 1 when any benchmark failed, a GlobalSetup guard included, so that a script notices.
var jobGiven = args.Any(a => a is "--job" or "-j" || a.StartsWith("--job=", StringComparison.Ordinal));
var summaries = BenchmarkSwitcher.FromAssembly(typeof(BenchmarkConfig).Assembly).Run(args, new BenchmarkConfig(withJob: !jobGiven));
return summaries.Any(s => s.HasCriticalValidationErrors || s.Reports.Any(r => !r.Success)) ? 1 : 0;

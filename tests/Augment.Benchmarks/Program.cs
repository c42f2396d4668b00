using Augment.Benchmarks.Support;
using BenchmarkDotNet.Running;

// Runs the benchmarks the arguments select (--filter '*Codec*', --list flat, --job short, ...; see
// README.md) with the one shared config. Exits 1 when any benchmark failed, a GlobalSetup guard
// included, so that a script notices.
var summaries = BenchmarkSwitcher.FromAssembly(typeof(BenchmarkConfig).Assembly).Run(args, new BenchmarkConfig());
return summaries.Any(s => s.HasCriticalValidationErrors || s.Reports.Any(r => !r.Success)) ? 1 : 0;

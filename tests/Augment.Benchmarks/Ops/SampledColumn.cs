using System.Collections.Concurrent;
using Augment.Benchmarks.Support;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace Augment.Benchmarks.Ops;

/// <summary>
/// A summary column with the parameters each op was rendered with, so that a time can be read
/// against them: MedianBlur with a kernel of 3 and of 7 differ a hundredfold. The benchmark itself
/// runs in another process, so the case is prepared again here (deterministically: same variant,
/// same parameters).
/// </summary>
internal sealed class SampledColumn : IColumn
{
    private readonly ConcurrentDictionary<(string Op, BenchmarkImage Image), string> _values = new();

    public string Id => nameof(SampledColumn);

    public string ColumnName => "Sampled";

    public bool AlwaysShow => true;

    public ColumnCategory Category => ColumnCategory.Params;

    public int PriorityInCategory => 10;

    public bool IsNumeric => false;

    public UnitType UnitType => UnitType.Dimensionless;

    public string Legend => "the parameters the op was rendered with, as the manifest records them";

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase)
    {
        if (benchmarkCase.Parameters["Op"] is not string op || benchmarkCase.Parameters["Image"] is not BenchmarkImage image)
        {
            return "?";
        }

        return _values.GetOrAdd((op, image), key =>
        {
            using var input = BenchmarkImages.Load(key.Image);
            return OpCase.Prepare(key.Op, key.Image, input).Sampled;
        });
    }

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style) => GetValue(summary, benchmarkCase);

    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;

    public bool IsAvailable(Summary summary) => true;
}

/// <summary>Adds <see cref="SampledColumn"/> to a benchmark class's summary.</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class SampledColumnAttribute : ColumnConfigBaseAttribute
{
    public SampledColumnAttribute() : base(new SampledColumn())
    {
    }
}

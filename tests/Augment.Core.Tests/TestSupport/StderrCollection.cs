namespace Augment.Core.Tests.TestSupport;

/// <summary>
/// Tests that capture the process's stderr. xunit runs a collection with parallelization disabled
/// alone, after the parallel ones, so no other test writes to fd 2 during a capture.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class StderrCollection
{
    public const string Name = "Process stderr";
}

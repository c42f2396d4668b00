using Augment.Core.Config;

namespace Augment.Core.Tests.OpsTests.Definitions;

/// <summary>Definition rows of the distortions ops.</summary>
public sealed partial class CatalogueOpDefinitionTests
{
    private static (string Op, string Given, string Canonical)[] DistortionsBindings =>
    [
    ];

    private static (string Op, string Given, string At, string Code)[] DistortionsRejections =>
    [
        // For example: ("Blur", "{ blur_limit: 2 }", "2", ConfigErrorCode.OutOfRange),
    ];
}

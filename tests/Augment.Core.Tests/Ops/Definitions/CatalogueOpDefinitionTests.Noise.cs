using Augment.Core.Config;

namespace Augment.Core.Tests.OpsTests.Definitions;

/// <summary>Definition rows of the noise ops.</summary>
public sealed partial class CatalogueOpDefinitionTests
{
    private static (string Op, string Given, string Canonical)[] NoiseBindings =>
    [
        ("MultiplicativeNoise", "{ multiplier: [0.5, 1.5], per_channel: true, elementwise: true, p: 1 }",
            "{'elementwise':true,'multiplier':[0.5,1.5],'p':1.0,'per_channel':true}"),
        ("MultiplicativeNoise", "{}", "{'elementwise':false,'multiplier':[0.9,1.1],'p':0.5,'per_channel':false}"),
    ];

    private static (string Op, string Given, string At, string Code)[] NoiseRejections =>
    [
        ("MultiplicativeNoise", "{ multiplier: [1.2, 0.8] }", "[", ConfigErrorCode.InvalidValue),
        ("MultiplicativeNoise", "{ elementwise: yes }", "yes", ConfigErrorCode.WrongType),
    ];
}

using Augment.Core.Config;

namespace Augment.Core.Tests.OpsTests.Definitions;

/// <summary>Definition rows of the compositions ops.</summary>
public sealed partial class CatalogueOpDefinitionTests
{
    private const string Flips = "[{'op':'HorizontalFlip','params':{'p':0.5}},{'op':'VerticalFlip','params':{'p':0.5}}]";

    private static (string Op, string Given, string Canonical)[] CompositionsBindings =>
    [
        ("OneOrOther", "{ transforms: [HorizontalFlip, { VerticalFlip: { p: 0.2 } }], p: 0.3 }",
            "{'p':0.3,'transforms':[{'op':'HorizontalFlip','params':{'p':0.5}},{'op':'VerticalFlip','params':{'p':0.2}}]}"),
        ("OneOrOther", "{ transforms: [HorizontalFlip, VerticalFlip] }", "{'p':0.5,'transforms':" + Flips + "}"),
        ("RandomOrder", "{ transforms: [HorizontalFlip, VerticalFlip], n: 3, replace: true, p: 0.7 }",
            "{'n':3,'p':0.7,'replace':true,'transforms':" + Flips + "}"),
        ("RandomOrder", "{ transforms: [HorizontalFlip, VerticalFlip] }", "{'n':1,'p':1.0,'replace':false,'transforms':" + Flips + "}"),
        ("SelectiveChannelTransform", "{ transforms: [{ InvertImg: { p: 1 } }], channels: [2, 0, 1], p: 0.4 }",
            "{'channels':[2,0,1],'p':0.4,'transforms':[{'op':'InvertImg','params':{'p':1.0}}]}"),
        ("SelectiveChannelTransform", "{ transforms: [InvertImg] }",
            "{'channels':[0,1,2],'p':1.0,'transforms':[{'op':'InvertImg','params':{'p':0.5}}]}"),
    ];

    private static (string Op, string Given, string At, string Code)[] CompositionsRejections =>
    [
        ("OneOrOther", "{ transforms: [HorizontalFlip, VerticalFlip, Transpose] }", "[", ConfigErrorCode.InvalidValue),
        ("OneOrOther", "{ transforms: [HorizontalFlip, VerticalFlip], p: 1.5 }", "1.5", ConfigErrorCode.OutOfRange),
        ("RandomOrder", "{ transforms: [HorizontalFlip], n: 2 }", "2", ConfigErrorCode.InvalidValue),
        ("RandomOrder", "{ transforms: [HorizontalFlip], n: 0 }", "0", ConfigErrorCode.OutOfRange),
        ("SelectiveChannelTransform", "{ transforms: [InvertImg], channels: [1, 2] }", "[1, 2]", ConfigErrorCode.InvalidValue),
        ("SelectiveChannelTransform", "{ transforms: [InvertImg], channels: [3, 2, 3] }", "3] }", ConfigErrorCode.InvalidValue),
        ("SelectiveChannelTransform", "{ transforms: [InvertImg], channels: [0, 1, 4] }", "4", ConfigErrorCode.OutOfRange),
        ("SelectiveChannelTransform", "{ transforms: [HorizontalFlip] }", "[", ConfigErrorCode.InvalidValue),
    ];
}

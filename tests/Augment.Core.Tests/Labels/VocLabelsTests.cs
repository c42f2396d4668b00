using System.Text;
using System.Xml.Linq;
using Augment.Core.Labels;

namespace Augment.Core.Tests.Labels;

/// <summary>Pascal VOC files (docs/labels.md): read as Albumentations' pascal_voc, written with the output's size and the objects' other fields.</summary>
public sealed class VocLabelsTests
{
    private const string Path = "annotations/a.xml";
    private static readonly BoxParams Strict = new("pascal_voc");

    private static string File(string objects, string size = "<size><width>200</width><height>100</height><depth>3</depth></size>") =>
        $"<annotation>\n  <filename>a.png</filename>\n  {size}\n{objects}</annotation>\n";

    private static string Object(string name, double x0, double y0, double x1, double y1, string extra = "") =>
        $"  <object>\n    <name>{name}</name>{extra}\n    <bndbox><xmin>{x0}</xmin><ymin>{y0}</ymin><xmax>{x1}</xmax><ymax>{y1}</ymax></bndbox>\n  </object>\n";

    [Fact]
    public void Boxes_are_read_as_given_in_pixels_with_their_names_lines_and_other_fields()
    {
        var text = File(Object("cat", 10, 20, 110, 80, "<pose>Left</pose><truncated>1</truncated><difficult>0</difficult>") + Object("dog", 0, 0, 200, 100));

        var (boxes, invalid) = VocLabels.Instance.Read(text, Path, 200, 100, Strict);

        Assert.Empty(invalid);
        Assert.Equal(2, boxes.Count);
        Assert.Equal(("cat", new BoundingBox(10, 20, 110, 80), 4), (boxes[0].Class, boxes[0].Box, boxes[0].Line));
        Assert.Equal([new("pose", "Left"), new("truncated", "1"), new("difficult", "0")], boxes[0].Attributes!);
        Assert.Equal(("dog", new BoundingBox(0, 0, 200, 100), 1), (boxes[1].Class, boxes[1].Box, boxes[1].Index));
    }

    [Fact]
    public void A_file_whose_size_disagrees_with_the_image_is_an_error_at_the_size()
    {
        var error = Assert.Throws<InvalidLabelsException>(() => VocLabels.Instance.Read(File(Object("cat", 1, 1, 5, 5)), Path, 640, 480, Strict));

        Assert.Equal(3, error.Line);
        Assert.Contains("the file says the image is 200x100, but it is 640x480", error.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("<annotation><object>", 1, "not well-formed XML")]
    [InlineData("<labels></labels>", 1, "root element is <annotation>")]
    [InlineData("<annotation>\n<object><bndbox><xmin>1</xmin><ymin>1</ymin><xmax>5</xmax><ymax>5</ymax></bndbox></object></annotation>", 2, "has no <name>")]
    [InlineData("<annotation>\n<object><name>cat</name></object></annotation>", 2, "has no <bndbox>")]
    [InlineData("<annotation>\n<object><name>cat</name><bndbox>\n<xmin>one</xmin><ymin>1</ymin><xmax>5</xmax><ymax>5</ymax></bndbox></object></annotation>", 3, "<xmin> 'one' is not a number")]
    [InlineData("<annotation>\n<object><name>cat</name><bndbox><xmin>5</xmin><ymin>1</ymin><xmax>5</xmax><ymax>5</ymax></bndbox></object></annotation>", 2, "zero or negative size")]
    [InlineData("<annotation>\n<object><name>cat</name><bndbox><xmin>150</xmin><ymin>1</ymin><xmax>250</xmax><ymax>5</ymax></bndbox></object></annotation>", 2, "reaches outside the 200x100 image")]
    [InlineData("<!DOCTYPE a [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><annotation>&x;</annotation>", 0, "DTD is prohibited")]
    public void A_file_that_cannot_be_used_is_an_error_at_its_line(string text, int line, string message)
    {
        var error = Assert.Throws<InvalidLabelsException>(() => VocLabels.Instance.Read(text, Path, 200, 100, Strict));

        Assert.Equal(line, error.Line);
        Assert.Contains(message, error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Clip_cuts_a_box_to_the_image_and_filter_invalid_drops_one_with_no_size()
    {
        var text = File(Object("cat", -10, 50, 250, 90) + Object("dog", 5, 5, 5, 9));

        var (boxes, invalid) = VocLabels.Instance.Read(text, Path, 200, 100, new BoxParams("pascal_voc", Clip: true, FilterInvalidBboxes: true));

        Assert.Equal(new BoundingBox(0, 50, 200, 90), Assert.Single(boxes).Box);
        Assert.Equal(("dog", DropReason.Invalid), (Assert.Single(invalid).Source.Class, invalid[0].Dropped));
    }

    [Fact]
    public void Written_files_name_the_output_image_and_its_size_and_read_back_to_the_same_boxes()
    {
        var (boxes, _) = VocLabels.Instance.Read(File(Object("cat", 10.25, 20, 110, 80.5, "<difficult>1</difficult>") + Object("dog", 0, 0, 3, 4)), Path, 200, 100, Strict);

        var bytes = VocLabels.Instance.Write(boxes, new LabelTarget("images/sub/a_003.jpg", 200, 100, 1));
        var xml = XDocument.Parse(Encoding.UTF8.GetString(bytes)).Root!;

        Assert.Equal("a_003.jpg", xml.Element("filename")!.Value);
        Assert.Equal(("200", "100", "1"), (xml.Element("size")!.Element("width")!.Value, xml.Element("size")!.Element("height")!.Value, xml.Element("size")!.Element("depth")!.Value));
        Assert.Equal(["cat", "dog"], xml.Elements("object").Select(o => o.Element("name")!.Value));
        Assert.Equal("1", xml.Elements("object").First().Element("difficult")!.Value);
        Assert.Equal("10.25", xml.Elements("object").First().Element("bndbox")!.Element("xmin")!.Value);
        var (again, _) = VocLabels.Instance.Read(Encoding.UTF8.GetString(bytes), Path, 200, 100, Strict);
        Assert.Equal(boxes.Select(b => (b.Class, b.Box)), again.Select(b => (b.Class, b.Box)));
    }
}

using Augment.Core.Labels;

namespace Augment.Core.Tests.Labels;

/// <summary>COCO files (docs/labels.md, "COCO"): images by file_name, boxes from [x, y, w, h], hashes without ids, errors with line and JSON path.</summary>
public sealed class CocoIndexTests
{
    private const string Path = "annotations/instances.json";
    private static readonly BoxParams Strict = new("coco");

    private const string Sample = """
        {
          "images": [
            { "id": 1, "file_name": "a.jpg", "width": 100, "height": 50, "license": 2 },
            { "id": 2, "file_name": "b.jpg", "width": 10, "height": 10 }
          ],
          "annotations": [
            { "id": 7, "image_id": 1, "category_id": 3, "bbox": [10, 5, 20, 10], "iscrowd": 0, "area": 200 },
            { "id": 8, "image_id": 1, "category_id": 4, "bbox": [0, 0, 100, 50], "iscrowd": 1 }
          ],
          "categories": [ { "id": 3, "name": "cat" }, { "id": 4, "name": "dog" } ]
        }
        """;

    [Fact]
    public void Images_are_found_by_file_name_with_their_boxes_in_pixel_corners()
    {
        var index = CocoIndex.Parse(Sample, Path);

        Assert.Equal(["a.jpg", "b.jpg"], index.Entries.Keys.Order(StringComparer.Ordinal));
        Assert.Empty(index.Entries["b.jpg"].Annotations);
        var (boxes, invalid) = index.Read(index.Entries["a.jpg"], 100, 50, Strict);
        Assert.Empty(invalid);
        Assert.Equal([("3", new BoundingBox(10, 5, 30, 15)), ("4", new BoundingBox(0, 0, 100, 50))], boxes.Select(b => (b.Class, b.Box)));
        Assert.Equal([new("iscrowd", "0")], boxes[0].Attributes!);
        Assert.Equal(1, boxes[0].Line); // its place among the image's annotations
    }

    [Fact]
    public void An_entrys_hash_ignores_ids_and_other_images_but_not_its_own_boxes()
    {
        var before = CocoIndex.Parse(Sample, Path).Entries["a.jpg"].Sha256;
        var renumbered = CocoIndex.Parse(Sample.Replace("\"id\": 1,", "\"id\": 91,").Replace("\"image_id\": 1,", "\"image_id\": 91,").Replace("\"id\": 7,", "\"id\": 70,"), Path);
        var otherImage = CocoIndex.Parse(Sample.Replace("\"width\": 10, \"height\": 10", "\"width\": 12, \"height\": 10"), Path);
        var moved = CocoIndex.Parse(Sample.Replace("[10, 5, 20, 10]", "[11, 5, 20, 10]"), Path);

        Assert.Equal(before, renumbered.Entries["a.jpg"].Sha256);
        Assert.Equal(before, otherImage.Entries["a.jpg"].Sha256);
        Assert.NotEqual(before, moved.Entries["a.jpg"].Sha256);
    }

    [Fact]
    public void An_annotation_naming_no_image_is_an_orphan_with_its_path_and_line()
    {
        var index = CocoIndex.Parse(Sample.Replace("\"image_id\": 1, \"category_id\": 4", "\"image_id\": 5, \"category_id\": 4"), Path);

        var orphan = Assert.Single(index.Orphans);
        Assert.Equal(8, orphan.Line);
        Assert.Equal("annotations[1].image_id 5 names no image of the file", orphan.Reason);
        Assert.Single(index.Entries["a.jpg"].Annotations);
    }

    [Theory]
    [InlineData("{ \"images\": [ { \"id\": 1, \"file_name\": \"a.jpg\" }, ]", "not a COCO file")]
    [InlineData("{ \"annotations\": [] }", "has an 'images' list")]
    [InlineData("{ \"images\": [ { \"id\": \"one\", \"file_name\": \"a.jpg\" } ] }", "images[0].id is not an integer")]
    [InlineData("{ \"images\": [ { \"id\": 1 } ] }", "images[0] has no file_name")]
    [InlineData("{ \"images\": [ { \"id\": 1, \"file_name\": \"a.jpg\" }, { \"id\": 1, \"file_name\": \"b.jpg\" } ] }", "images[1].id 1 is also the id of a.jpg")]
    [InlineData("{ \"images\": [ { \"id\": 1, \"file_name\": \"a.jpg\" }, { \"id\": 2, \"file_name\": \"a.jpg\" } ] }", "file_name 'a.jpg' is listed twice")]
    public void A_file_that_cannot_be_used_is_an_error(string text, string message)
    {
        var error = Assert.Throws<InvalidLabelsException>(() => CocoIndex.Parse(text, Path));
        Assert.Contains(message, error.Reason, StringComparison.Ordinal);
        Assert.Equal(Path, error.FilePath);
    }

    [Theory]
    [InlineData("[10, 5, 20]", "3", "annotations[0].bbox is not [x, y, width, height]")]
    [InlineData("[10, 5, 0, 10]", "3", "annotations[0]: the box has zero or negative size")]
    [InlineData("[90, 5, 20, 10]", "3", "annotations[0]: the box [90, 5, 20, 10] reaches outside the 100x50 image")]
    [InlineData("[10, 5, 20, 10]", "\"cat\"", "annotations[0].category_id is not an integer")]
    public void A_box_that_cannot_be_used_is_an_error_at_its_annotation(string bbox, string category, string message)
    {
        var text = Sample.Replace("[10, 5, 20, 10]", bbox).Replace("\"category_id\": 3", $"\"category_id\": {category}");
        var index = CocoIndex.Parse(text, Path);

        var error = Assert.Throws<InvalidLabelsException>(() => index.Read(index.Entries["a.jpg"], 100, 50, Strict));
        Assert.Contains(message, error.Reason, StringComparison.Ordinal);
        Assert.Equal(7, error.Line);
    }

    [Fact]
    public void An_image_whose_size_disagrees_with_its_record_is_an_error()
    {
        var index = CocoIndex.Parse(Sample, Path);

        var error = Assert.Throws<InvalidLabelsException>(() => index.Read(index.Entries["a.jpg"], 200, 50, Strict));
        Assert.Contains("a.jpg: the file says the image is 100x50, but it is 200x50", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void An_id_beyond_64_bits_is_an_error_not_a_crash()
    {
        var error = Assert.Throws<InvalidLabelsException>(() => CocoIndex.Parse(Sample.Replace("\"id\": 2,", "\"id\": 123456789012345678901234567890,"), Path));
        Assert.Contains("images[1].id is not an integer", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Boxes_are_numbered_by_their_place_among_their_images_annotations_not_by_the_files_lines()
    {
        var index = CocoIndex.Parse(Sample, Path);
        var moved = CocoIndex.Parse("{\n\n\n" + Sample.TrimStart('{'), Path); // the same file, three lines lower

        var (boxes, _) = index.Read(index.Entries["a.jpg"], 100, 50, Strict);
        var (again, _) = moved.Read(moved.Entries["a.jpg"], 100, 50, Strict);

        Assert.Equal([1, 2], boxes.Select(b => b.Line));
        Assert.Equal([1, 2], again.Select(b => b.Line));
    }

    [Fact]
    public void An_annotations_date_field_is_copied_as_its_text_whatever_the_time_zone()
    {
        var index = CocoIndex.Parse(Sample.Replace("\"iscrowd\": 0, \"area\": 200", "\"iscrowd\": 0, \"area\": 200, \"when\": \"2020-01-01T10:00:00+05:00\""), Path);
        var (boxes, _) = index.Read(index.Entries["a.jpg"], 100, 50, Strict);

        var text = Augment.Core.Dataset.CocoOutput.Annotations(boxes).ToString(Newtonsoft.Json.Formatting.None);

        Assert.Contains("\"when\":\"2020-01-01T10:00:00+05:00\"", text, StringComparison.Ordinal);
    }
}

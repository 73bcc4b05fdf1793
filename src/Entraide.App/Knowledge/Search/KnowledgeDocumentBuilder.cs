using System.Globalization;
using Entraide.Domain.Common;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Util;

namespace Entraide.App.Knowledge.Search;

/// <summary>
/// Turns an <see cref="IndexItem"/> into the index's document. One builder per indexing thread: the
/// fixed fields are created once and only their values change from one item to the next (Lucene
/// allows reusing fields once <c>AddDocument</c> has returned), which spares the bulk path a dozen
/// allocations per provision.
/// </summary>
public sealed class KnowledgeDocumentBuilder
{
    /// <summary>
    /// The language text field: analysed, not stored, no term vectors: they slow indexing down, and reading
    /// them back for a page of hits costs more than re-analysing the hits (docs/perf/knowledge.md).
    /// </summary>
    public static readonly FieldType TextType = TextField.TYPE_NOT_STORED;

    private readonly StringField _key = new(KnowledgeFields.Key, "", Field.Store.YES);
    private readonly StringField _group = new(KnowledgeFields.Group, "", Field.Store.NO);
    private readonly StringField _type = new(KnowledgeFields.Type, "", Field.Store.YES);
    private readonly SortedSetDocValuesField _typeFacet = new(KnowledgeFields.Facet(KnowledgeFields.Type), new BytesRef());
    private readonly StringField _language = new(KnowledgeFields.Language, "", Field.Store.YES);
    private readonly SortedSetDocValuesField _languageFacet = new(KnowledgeFields.Facet(KnowledgeFields.Language), new BytesRef());
    private readonly StringField _date = new(KnowledgeFields.Date, "", Field.Store.YES);
    private readonly SortedSetDocValuesField _yearFacet = new(KnowledgeFields.Facet(KnowledgeFields.Year), new BytesRef());
    private readonly StoredField _title = new(KnowledgeFields.Title, "");
    private readonly StoredField _body = new(KnowledgeFields.Body, "");
    private readonly StringField _state = new(KnowledgeFields.State, "", Field.Store.YES);
    private readonly SortedSetDocValuesField _stateFacet = new(KnowledgeFields.Facet(KnowledgeFields.State), new BytesRef());
    private readonly StoredField _number = new(KnowledgeFields.Number, "");
    private readonly StoredField _law = new(KnowledgeFields.Law, "");
    private readonly StoredField _example = new(KnowledgeFields.Example, "1");
    private readonly BinaryDocValuesField _hit = new(KnowledgeFields.Hit, new BytesRef());
    private readonly Dictionary<string, Field> _text = [];
    private readonly Field _chineseBigrams = new(KnowledgeAnalyzers.ChineseBigramField, "", BigramType);

    /// <summary>
    /// The Chinese bigram field: documents and term frequencies, no positions (nothing queries it by
    /// phrase, and without positions the field is smaller and faster to index: docs/perf/knowledge.md).
    /// </summary>
    public static readonly FieldType BigramType = Frozen(new FieldType(TextField.TYPE_NOT_STORED) { IndexOptions = IndexOptions.DOCS_AND_FREQS });

    private static FieldType Frozen(FieldType type)
    {
        type.Freeze();
        return type;
    }

    public Document Build(IndexItem item)
    {
        _key.SetStringValue(item.Key);
        _group.SetStringValue(item.Group);
        _type.SetStringValue(item.Type);
        _typeFacet.SetBytesValue(new BytesRef(item.Type));
        _language.SetStringValue(item.Language);
        _languageFacet.SetBytesValue(new BytesRef(item.Language));
        _date.SetStringValue(item.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        _yearFacet.SetBytesValue(new BytesRef(item.Date.Year.ToString(CultureInfo.InvariantCulture)));
        _title.SetStringValue(item.Title);
        _body.SetStringValue(item.Body);
        var fieldName = KnowledgeAnalyzers.Field(item.Language);
        if (!_text.TryGetValue(fieldName, out var text)) _text[fieldName] = text = new Field(fieldName, "", TextType);
        var indexed = IndexedText(item.Title, item.Number, item.Body);
        text.SetStringValue(indexed);

        // A very long text keeps only its stored fields (an empty value makes the search read those).
        var hit = HitRecord.Encode(item);
        _hit.SetBytesValue(hit.Length <= HitRecord.MaxBytes ? new BytesRef(hit) : new BytesRef());
        var doc = new Document { _key, _group, _type, _typeFacet, _language, _languageFacet, _date, _yearFacet, _title, text, _body, _hit };
        if (item.Language == Languages.Chinese)
        {
            // Segmented words (text_zh) and character bigrams of the same text: Chinese queries are matched on the bigrams.
            _chineseBigrams.SetStringValue(indexed);
            doc.Add(_chineseBigrams);
        }
        if (item.State is not null)
        {
            _state.SetStringValue(item.State);
            _stateFacet.SetBytesValue(new BytesRef(item.State));
            doc.Add(_state);
            doc.Add(_stateFacet);
        }
        foreach (var t in item.Terms.Distinct(StringComparer.Ordinal))
        {
            doc.Add(new StringField(KnowledgeFields.Term, t, Field.Store.YES));
            doc.Add(new SortedSetDocValuesField(KnowledgeFields.Facet(KnowledgeFields.Term), new BytesRef(t)));
        }
        if (item.Number is not null)
        {
            _number.SetStringValue(item.Number);
            doc.Add(_number);
        }
        if (item.Law is { } law)
        {
            _law.SetStringValue(law.ToString());
            doc.Add(_law);
        }
        if (item.Example) doc.Add(_example);
        return doc;
    }

    /// <summary>What the language field indexes: title, number and body, one per line.</summary>
    public static string IndexedText(string title, string? number, string body) => title + "\n" + (number ?? "") + "\n" + body;
}

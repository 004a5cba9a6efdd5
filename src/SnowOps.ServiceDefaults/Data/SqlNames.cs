using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace SnowOps.ServiceDefaults.Data;

/// <summary>Quoted table and column names from a context's model, for the few statements written in SQL.</summary>
public static class SqlNames
{
    /// <summary>The entity's table, schema-qualified and quoted.</summary>
    public static string Table<T>(DbContext db) =>
        Table(db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not in {db.GetType().Name}."));

    /// <summary>The entity type's table, schema-qualified and quoted.</summary>
    public static string Table(IReadOnlyEntityType entity) =>
        entity.GetSchema() is { } schema ? $"{Quote(schema)}.{Quote(entity.GetTableName()!)}" : Quote(entity.GetTableName()!);

    /// <summary>The property's column in the entity's table, quoted.</summary>
    public static string Column<T>(DbContext db, string property)
    {
        var entity = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not in {db.GetType().Name}.");
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        return Quote(entity.FindProperty(property)?.GetColumnName(table) ?? throw new InvalidOperationException($"{typeof(T).Name} has no {property}."));
    }

    public static string Quote(string name) => $"\"{name.Replace("\"", "\"\"")}\"";
}

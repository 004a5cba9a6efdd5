using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata;
using Npgsql;

namespace SnowOps.ServiceDefaults.Data;

/// <summary>
/// Saves a batch's changes with one statement per kind of change instead of one per row. On PostgreSQL, rows of the same
/// entity type with the same changed columns are written by one <c>UPDATE … FROM unnest(…)</c>, each row's concurrency
/// tokens checked as Entity Framework checks them; everything else (added and removed rows, other databases) is saved by
/// <see cref="DbContext.SaveChangesAsync(CancellationToken)"/>. Entity Framework Core has no such update of many rows with
/// their own values, and the libraries that add one are not served here. Outside a transaction everything is saved by
/// Entity Framework.
/// </summary>
public static class BulkSave
{
    /// <summary>Fewer rows than this of one shape are left to Entity Framework: one statement each is as cheap.</summary>
    public const int Threshold = 4;

    static readonly HashSet<Type> scalars =
    [
        typeof(Guid), typeof(string), typeof(int), typeof(long), typeof(short), typeof(bool), typeof(double), typeof(float),
        typeof(decimal), typeof(DateTimeOffset), typeof(DateTime),
    ];

    /// <summary>Saves every change of <paramref name="db"/>; returns false when there was none.</summary>
    public static async Task<bool> SaveInBulkAsync(this DbContext db, CancellationToken cancellationToken)
    {
        db.ChangeTracker.DetectChanges();
        if (!db.ChangeTracker.HasChanges())
            return false;
        // Only inside a transaction (a unit of work, which runs again from the start if the database drops it): the rows
        // written in bulk are marked saved before the transaction commits.
        if (db.Database.IsNpgsql() && db.Database.CurrentTransaction is not null)
        {
            var shapes = db.ChangeTracker.Entries()
                .Where(e => e.State == EntityState.Modified)
                .Select(e => (Entry: e, Columns: ModifiedColumns(e)))
                .Where(x => x.Columns is not null)
                .GroupBy(x => (x.Entry.Metadata, Shape: string.Join(",", x.Columns!.Select(p => p.Name))))
                .Where(g => g.Count() >= Threshold);
            foreach (var shape in shapes.ToList())
                await UpdateAsync(db, shape.Key.Metadata, shape.First().Columns!, shape.Select(x => x.Entry).ToList(), cancellationToken);
        }
        if (db.ChangeTracker.HasChanges())
            await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    /// <summary>The entry's changed columns, or null when one of them cannot go through an array (or the key changed).</summary>
    static IReadOnlyList<IProperty>? ModifiedColumns(EntityEntry entry)
    {
        var modified = entry.Properties.Where(p => p.IsModified).Select(p => p.Metadata).ToList();
        if (modified.Count == 0 || modified.Any(p => p.IsKey() || !Simple(p)))
            return null;
        if (entry.Metadata.FindPrimaryKey() is not { } key || !key.Properties.All(Simple))
            return null;
        if (entry.Metadata.GetProperties().Where(p => p.IsConcurrencyToken).Any(p => !Simple(p)))
            return null;
        return modified;
    }

    static bool Simple(IProperty property)
    {
        var type = property.GetTypeMapping().Converter?.ProviderClrType ?? property.ClrType;
        return scalars.Contains(Nullable.GetUnderlyingType(type) ?? type) && property.GetColumnType() is { } column && !column.EndsWith("[]");
    }

    static async Task UpdateAsync(DbContext db, IEntityType type, IReadOnlyList<IProperty> columns, IReadOnlyList<EntityEntry> entries,
        CancellationToken cancellationToken)
    {
        var table = StoreObjectIdentifier.Table(type.GetTableName()!, type.GetSchema());
        var keys = type.FindPrimaryKey()!.Properties;
        var tokens = type.GetProperties().Where(p => p.IsConcurrencyToken).ToList();
        var parameters = new List<NpgsqlParameter>();
        var names = new List<string>();
        string Add(IProperty property, Func<EntityEntry, object?> value, string prefix)
        {
            var name = $"{prefix}{parameters.Count}";
            parameters.Add(new NpgsqlParameter(name, Values(property, entries, value)));
            names.Add(name);
            return $"@{name}::{property.GetColumnType()}[]";
        }
        string Column(IProperty p) => SqlNames.Quote(p.GetColumnName(table)!);

        var sources = new List<string>();
        sources.AddRange(keys.Select(k => Add(k, e => e.Property(k.Name).CurrentValue, "k")));
        sources.AddRange(tokens.Select(t => Add(t, e => e.Property(t.Name).OriginalValue, "o")));
        sources.AddRange(columns.Select(c => Add(c, e => e.Property(c.Name).CurrentValue, "v")));

        var sql = new StringBuilder()
            .Append("UPDATE ").Append(SqlNames.Table(type)).Append(" AS t SET ")
            .AppendJoin(", ", columns.Select((c, i) => $"{Column(c)} = v.{names[keys.Count + tokens.Count + i]}"))
            .Append(" FROM unnest(").AppendJoin(", ", sources).Append(") AS v(").AppendJoin(", ", names).Append(") WHERE ")
            .AppendJoin(" AND ", keys.Select((k, i) => $"t.{Column(k)} = v.{names[i]}")
                .Concat(tokens.Select((t, i) => $"t.{Column(t)} IS NOT DISTINCT FROM v.{names[keys.Count + i]}")))
            .ToString();
        // Column and table names come from the model; every value is a parameter.
#pragma warning disable EF1002
        var updated = await db.Database.ExecuteSqlRawAsync(sql, parameters, cancellationToken);
#pragma warning restore EF1002
        if (updated != entries.Count)
            throw new DbUpdateConcurrencyException(
                $"{entries.Count - updated} of {entries.Count} {type.ClrType.Name} rows were changed or removed by someone else since they were read.");
        foreach (var entry in entries)
        {
            foreach (var property in entry.Properties.Where(p => p.IsModified))
                property.OriginalValue = property.CurrentValue;
            entry.State = EntityState.Unchanged;
        }
    }

    /// <summary>The column's values of every entry, as the provider stores them, in an array of their own type.</summary>
    static Array Values(IProperty property, IReadOnlyList<EntityEntry> entries, Func<EntityEntry, object?> value)
    {
        var converter = property.GetTypeMapping().Converter;
        var type = converter?.ProviderClrType ?? property.ClrType;
        if (type.IsValueType && Nullable.GetUnderlyingType(type) is null && property.IsNullable)
            type = typeof(Nullable<>).MakeGenericType(type);
        var array = Array.CreateInstance(type, entries.Count);
        for (var i = 0; i < entries.Count; i++)
        {
            var v = value(entries[i]);
            array.SetValue(v is null || converter is null ? v : converter.ConvertToProvider(v), i);
        }
        return array;
    }
}

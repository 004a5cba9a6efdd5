using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;
using NetTopologySuite.Geometries;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace SnowOps.Routing.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.EnsureSchema(
                name: "routing");

            migrationBuilder.AlterDatabase()
                .Annotation("Npgsql:PostgresExtension:postgis", ",,");

            migrationBuilder.CreateTable(
                name: "road_segments",
                schema: "routing",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Name = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    Highway = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    PriorityClass = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    NeedsDeIcing = table.Column<bool>(type: "boolean", nullable: false),
                    Geometry = table.Column<Geometry>(type: "geometry(LineString,4326)", nullable: false),
                    LengthMeters = table.Column<double>(type: "double precision", nullable: false),
                    FromNode = table.Column<long>(type: "bigint", nullable: false),
                    ToNode = table.Column<long>(type: "bigint", nullable: false),
                    OneWay = table.Column<bool>(type: "boolean", nullable: false),
                    Passes = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_road_segments", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "routes",
                schema: "routing",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    SnowEventId = table.Column<Guid>(type: "uuid", nullable: false),
                    Vehicle = table.Column<int>(type: "integer", nullable: false),
                    Name = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    PriorityClass = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    LengthMeters = table.Column<double>(type: "double precision", nullable: false),
                    Geometry = table.Column<Geometry>(type: "geometry(MultiLineString,4326)", nullable: false),
                    Streets = table.Column<List<string>>(type: "text[]", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_routes", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_road_segments_PriorityClass",
                schema: "routing",
                table: "road_segments",
                column: "PriorityClass");

            migrationBuilder.CreateIndex(
                name: "IX_routes_SnowEventId_Vehicle",
                schema: "routing",
                table: "routes",
                columns: new[] { "SnowEventId", "Vehicle" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "road_segments",
                schema: "routing");

            migrationBuilder.DropTable(
                name: "routes",
                schema: "routing");
        }
    }
}

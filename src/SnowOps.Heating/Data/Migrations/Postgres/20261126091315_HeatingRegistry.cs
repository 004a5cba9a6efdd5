using System;
using Microsoft.EntityFrameworkCore.Migrations;
using NetTopologySuite.Geometries;

#nullable disable

namespace SnowOps.Heating.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class HeatingRegistry : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "companies",
                schema: "heating",
                columns: table => new
                {
                    CompanyId = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    Name = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    Inspectors = table.Column<int>(type: "integer", nullable: false),
                    ChecksPerInspectorPerDay = table.Column<int>(type: "integer", nullable: false),
                    Zone = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_companies", x => x.CompanyId);
                });

            migrationBuilder.CreateTable(
                name: "compounds",
                schema: "heating",
                columns: table => new
                {
                    CompoundId = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    Name = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    CompanyId = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    StationId = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: true),
                    Address = table.Column<string>(type: "character varying(512)", maxLength: 512, nullable: true),
                    Geometry = table.Column<Geometry>(type: "geometry(Geometry,4326)", nullable: true),
                    BuiltYear = table.Column<int>(type: "integer", nullable: true),
                    Households = table.Column<int>(type: "integer", nullable: false),
                    ColdSpots = table.Column<int>(type: "integer", nullable: false),
                    ColdArea = table.Column<bool>(type: "boolean", nullable: false),
                    LastReadingCelsius = table.Column<double>(type: "double precision", nullable: true),
                    LastReadingAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    MonitoredSince = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    CheckEveryHours = table.Column<double>(type: "double precision", nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_compounds", x => x.CompoundId);
                });

            migrationBuilder.CreateTable(
                name: "stations",
                schema: "heating",
                columns: table => new
                {
                    StationId = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    CompanyId = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    Name = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    Location = table.Column<Geometry>(type: "geometry(Geometry,4326)", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_stations", x => x.StationId);
                });

            migrationBuilder.CreateIndex(
                name: "IX_compounds_CompanyId",
                schema: "heating",
                table: "compounds",
                column: "CompanyId");

            migrationBuilder.CreateIndex(
                name: "IX_compounds_StationId",
                schema: "heating",
                table: "compounds",
                column: "StationId");

            migrationBuilder.CreateIndex(
                name: "IX_stations_CompanyId",
                schema: "heating",
                table: "stations",
                column: "CompanyId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "companies",
                schema: "heating");

            migrationBuilder.DropTable(
                name: "compounds",
                schema: "heating");

            migrationBuilder.DropTable(
                name: "stations",
                schema: "heating");
        }
    }
}

using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;
using NetTopologySuite.Geometries;

#nullable disable

namespace SnowOps.Weather.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class AlertZonesAndNotes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<List<string>>(
                name: "Notes",
                schema: "weather",
                table: "alerts",
                type: "text[]",
                nullable: false);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "PublishAttempted",
                schema: "weather",
                table: "alerts",
                type: "timestamp with time zone",
                nullable: false,
                defaultValue: new DateTimeOffset(new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified), new TimeSpan(0, 0, 0, 0, 0)));

            migrationBuilder.AddColumn<List<string>>(
                name: "Zones",
                schema: "weather",
                table: "alerts",
                type: "text[]",
                nullable: false);

            migrationBuilder.CreateTable(
                name: "zones",
                schema: "weather",
                columns: table => new
                {
                    Code = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Name = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    Area = table.Column<Geometry>(type: "geometry(Geometry,4326)", nullable: false),
                    Geocodes = table.Column<List<string>>(type: "text[]", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_zones", x => x.Code);
                });

            migrationBuilder.CreateIndex(
                name: "IX_zones_Area",
                schema: "weather",
                table: "zones",
                column: "Area")
                .Annotation("Npgsql:IndexMethod", "gist");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "zones",
                schema: "weather");

            migrationBuilder.DropColumn(
                name: "Notes",
                schema: "weather",
                table: "alerts");

            migrationBuilder.DropColumn(
                name: "PublishAttempted",
                schema: "weather",
                table: "alerts");

            migrationBuilder.DropColumn(
                name: "Zones",
                schema: "weather",
                table: "alerts");
        }
    }
}

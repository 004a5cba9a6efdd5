using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;
using NetTopologySuite.Geometries;

#nullable disable

namespace SnowOps.Weather.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class AlertsInFull : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Addresses",
                schema: "weather",
                table: "alerts",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<List<string>>(
                name: "Codes",
                schema: "weather",
                table: "alerts",
                type: "text[]",
                nullable: false);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "Effective",
                schema: "weather",
                table: "alerts",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Incidents",
                schema: "weather",
                table: "alerts",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Language",
                schema: "weather",
                table: "alerts",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<List<string>>(
                name: "Languages",
                schema: "weather",
                table: "alerts",
                type: "text[]",
                nullable: false);

            migrationBuilder.AddColumn<string>(
                name: "Note",
                schema: "weather",
                table: "alerts",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<List<string>>(
                name: "Notes",
                schema: "weather",
                table: "alerts",
                type: "text[]",
                nullable: false);

            migrationBuilder.AddColumn<string>(
                name: "Restriction",
                schema: "weather",
                table: "alerts",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Scope",
                schema: "weather",
                table: "alerts",
                type: "text",
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "Source",
                schema: "weather",
                table: "alerts",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<List<string>>(
                name: "Zones",
                schema: "weather",
                table: "alerts",
                type: "text[]",
                nullable: false);

            migrationBuilder.CreateTable(
                name: "feed_status",
                schema: "weather",
                columns: table => new
                {
                    Name = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    Url = table.Column<string>(type: "character varying(2048)", maxLength: 2048, nullable: false),
                    LastPollAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    LastSuccessAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    LastError = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    ConsecutiveFailures = table.Column<int>(type: "integer", nullable: false),
                    NextPollDue = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ETag = table.Column<string>(type: "character varying(512)", maxLength: 512, nullable: true),
                    LastModified = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    AlertsAccepted = table.Column<long>(type: "bigint", nullable: false),
                    EntriesSkipped = table.Column<long>(type: "bigint", nullable: false),
                    LastSkipped = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_feed_status", x => x.Name);
                });

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
                name: "feed_status",
                schema: "weather");

            migrationBuilder.DropTable(
                name: "zones",
                schema: "weather");

            migrationBuilder.DropColumn(
                name: "Addresses",
                schema: "weather",
                table: "alerts");

            migrationBuilder.DropColumn(
                name: "Codes",
                schema: "weather",
                table: "alerts");

            migrationBuilder.DropColumn(
                name: "Effective",
                schema: "weather",
                table: "alerts");

            migrationBuilder.DropColumn(
                name: "Incidents",
                schema: "weather",
                table: "alerts");

            migrationBuilder.DropColumn(
                name: "Language",
                schema: "weather",
                table: "alerts");

            migrationBuilder.DropColumn(
                name: "Languages",
                schema: "weather",
                table: "alerts");

            migrationBuilder.DropColumn(
                name: "Note",
                schema: "weather",
                table: "alerts");

            migrationBuilder.DropColumn(
                name: "Notes",
                schema: "weather",
                table: "alerts");

            migrationBuilder.DropColumn(
                name: "Restriction",
                schema: "weather",
                table: "alerts");

            migrationBuilder.DropColumn(
                name: "Scope",
                schema: "weather",
                table: "alerts");

            migrationBuilder.DropColumn(
                name: "Source",
                schema: "weather",
                table: "alerts");

            migrationBuilder.DropColumn(
                name: "Zones",
                schema: "weather",
                table: "alerts");
        }
    }
}

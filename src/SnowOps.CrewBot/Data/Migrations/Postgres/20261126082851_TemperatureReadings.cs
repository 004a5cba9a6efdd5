using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SnowOps.CrewBot.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class TemperatureReadings : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "SubjectId",
                schema: "crewbot",
                table: "task_cards",
                type: "character varying(128)",
                maxLength: 128,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "AwaitingSince",
                schema: "crewbot",
                table: "crew_members",
                type: "timestamp with time zone",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "SubjectId",
                schema: "crewbot",
                table: "task_cards");

            migrationBuilder.DropColumn(
                name: "AwaitingSince",
                schema: "crewbot",
                table: "crew_members");
        }
    }
}

using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SnowOps.CrewBot.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class TemperatureReadings : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "SubjectId",
                table: "task_cards",
                type: "TEXT",
                maxLength: 128,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "AwaitingSince",
                table: "crew_members",
                type: "INTEGER",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "SubjectId",
                table: "task_cards");

            migrationBuilder.DropColumn(
                name: "AwaitingSince",
                table: "crew_members");
        }
    }
}

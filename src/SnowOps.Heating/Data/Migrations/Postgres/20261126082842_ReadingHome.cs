using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SnowOps.Heating.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ReadingHome : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Home",
                schema: "heating",
                table: "readings",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Home",
                schema: "heating",
                table: "readings");
        }
    }
}

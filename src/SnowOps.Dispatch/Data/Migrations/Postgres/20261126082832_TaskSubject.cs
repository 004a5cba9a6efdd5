using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SnowOps.Dispatch.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class TaskSubject : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "SubjectId",
                schema: "dispatch",
                table: "tasks",
                type: "character varying(128)",
                maxLength: 128,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "SubjectId",
                schema: "dispatch",
                table: "tasks");
        }
    }
}

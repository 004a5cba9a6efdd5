using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SnowOps.Dispatch.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class TaskSubject : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "SubjectId",
                table: "tasks",
                type: "TEXT",
                maxLength: 128,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "SubjectId",
                table: "tasks");
        }
    }
}

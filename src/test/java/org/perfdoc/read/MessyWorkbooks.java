package org.perfdoc.read;

import static org.perfdoc.Workbooks.row;

import java.time.LocalDate;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.perfdoc.Workbooks;

/**
 * Workbooks as finance staff really save them: a title row above the header, columns moved, an extra
 * column, blank rows, a 合计 row and a unit subtotal row, merged cells, numbers typed as text, formulas
 * with and without saved results, dates in every form, hidden rows and columns.
 */
final class MessyWorkbooks {
    private MessyWorkbooks() {
    }

    static byte[] guangzhou() {
        XSSFWorkbook wb = new XSSFWorkbook();
        Sheet form = wb.createSheet("基本信息");
        row(form, 0, "项目", "内容");
        row(form, 1, "版式", "guangzhou");
        row(form, 2, "预算年度", "２０２５年");                 // an alias, full-width digits, 年
        row(form, 3, " 部门名称 ", "广州市某局（本级）\u00A0");    // spaces, a no-break space
        row(form, 4, "指标格式", "简明");
        row(form, 5, "联系人", "张三");                       // not a field: a warning

        Sheet p = wb.createSheet("项目");
        CellStyle money = wb.createCellStyle();
        money.setDataFormat(wb.createDataFormat().getFormat("#,##0.00"));
        row(p, 0, "2025年项目支出绩效目标表");                    // a title above the header
        p.addMergedRegion(new CellRangeAddress(0, 0, 0, 7));
        // columns moved, a unit in a header, a required mark, an extra column
        row(p, 1, "*项目名称", "资金使用单位", "财政拨款（万元）", "其他资金", "财政专户拨款", "总计", "备注", "绩效目标");
        row(p, 2, "机构运行辅助经费", "广州市某局", 572.9, null, 0, null, "", "为审判执行部门配备辅助人员。\r\n第二段。");
        p.getRow(2).createCell(5).setCellFormula("SUM(C3:E3)");       // no saved result: computed
        row(p, 3, "信息化运维", null, "1,234.56", " ", "０", null, "转写", "保障系统运行。");
        p.addMergedRegion(new CellRangeAddress(2, 3, 1, 1));           // the unit merged over two rows
        row(p, 5, "培训经费", "广州市某中心", "88.8 ", "\u00A010\u3000", null, 98.8, null, "培训。"); // after a blank row
        row(p, 6, "隐藏的项目", "广州市某中心", 2, null, null, null, null, "隐藏行中的项目。");
        p.getRow(6).setZeroHeight(true);
        row(p, 7, null, "广州市某中心", 100.8, null, null, null, null, null);     // a unit subtotal row
        row(p, 9, "合  计", null, null, null, null, null, null, null);          // a 合计 row with formulas
        p.getRow(9).createCell(2).setCellFormula("SUM(C3:C8)");
        p.setColumnHidden(6, true);
        for (int r = 2; r <= 9; r++) {
            Row row = p.getRow(r);
            for (int c = 2; row != null && c <= 5; c++) {
                if (row.getCell(c) != null) {
                    row.getCell(c).setCellStyle(money);
                }
            }
        }

        Sheet i = wb.createSheet("绩效指标");
        CellStyle percent = wb.createCellStyle();
        percent.setDataFormat(wb.createDataFormat().getFormat("0%"));
        row(i, 0, "资金使用单位", "项目名称", "一级指标", "二级指标", "三级指标", "年度指标值", "实施周期指标值");
        row(i, 1, "广州市某局", "机构运行辅助经费", "产出指标", "数量指标", "辅助人员数量", 15, 45);
        row(i, 2, null, null, null, "质量指标", "考核合格率", 1, null);       // 100% typed in a General column
        i.getRow(2).getCell(5).setCellStyle(percent);
        row(i, 3, null, null, "满意度指标", "服务对象满意度", "满意度", "≥95%", null);
        i.addMergedRegion(new CellRangeAddress(1, 3, 0, 0));
        i.addMergedRegion(new CellRangeAddress(1, 3, 1, 1));       // the project merged over three rows
        i.addMergedRegion(new CellRangeAddress(1, 2, 2, 2));       // 一级 merged over two
        row(i, 5, "广州市某局", "信息化运维", "产出指标", "数量指标", "系统数量", "3", null);
        row(i, 6, "广州市某中心", "培训经费", "产出指标", "", "培训人次", "≥100", null);
        row(i, 7, "广州市某中心", "隐藏的项目", "效益指标", "社会效益", "覆盖率", "100%", null);
        i.setColumnHidden(6, true);
        return Workbooks.bytes(wb);
    }

    static byte[] shanghai() {
        XSSFWorkbook wb = new XSSFWorkbook();
        Sheet form = wb.createSheet("基本信息");
        row(form, 0, "版式", "shanghai");
        row(form, 1, "年度", 2020);
        row(form, 2, "部门名称", "上海市某院");
        Sheet p = wb.createSheet("项目");
        CellStyle date = wb.createCellStyle();
        date.setDataFormat(wb.createDataFormat().getFormat("yyyy\"年\"m\"月\"d\"日\""));
        row(p, 0, "资金使用单位", "项目名称", "项目类别", "计划开始日期", "计划完成日期", "是否含有政府购买服务", "绩效类型",
                "项目概况", "立项依据", "项目设立的必要性", "保证项目实施的制度、措施", "项目实施计划", "总目标及阶段性目标",
                "项目总预算", "项目当年预算", "同名项目上年预算额", "同名项目上年预算执行数");
        Object[][] data = {
            {"上海市某院", "A 日期单元格", "其他一次性项目", LocalDate.of(2020, 1, 1), LocalDate.of(2020, 12, 31), "是", "其他类"},
            {"上海市某院", "B 日期序号", "经常性项目", 43831, 44196, Boolean.FALSE, "其他类"},
            {"上海市某院", "C 文本日期", "经常性项目", "2020/1/1", "2020年12月31日", "否", "其他类"},
            {"上海市某院", "D 全角日期", "经常性项目", "２０２０－０１－０１", "2020-12-31", "TRUE", "其他类"},
        };
        for (int r = 0; r < data.length; r++) {
            Object[] v = new Object[17];
            System.arraycopy(data[r], 0, v, 0, data[r].length);
            for (int k = 7; k <= 12; k++) {
                v[k] = "第一段。\n第二段。";
            }
            v[13] = "10,144,000";
            v[14] = 10144000;
            v[15] = 1.04E7;
            v[16] = "１０４０００００";
            row(p, r + 1, v);
            if (r == 0) {
                p.getRow(1).getCell(3).setCellStyle(date);
                p.getRow(1).getCell(4).setCellStyle(date);
            }
        }
        Sheet i = wb.createSheet("绩效目标");
        row(i, 0, "资金使用单位", "项目名称", "一级目标", "二级目标", "三级目标", "指标目标值");
        for (int r = 0; r < data.length; r++) {
            String project = (String) data[r][1];
            row(i, 1 + 2 * r, "上海市某院", project, "投入与管理", "投入管理", "预算执行率", "=100%");
            row(i, 2 + 2 * r, null, null, null, null, "支付及时率", "=100%");
            i.addMergedRegion(new CellRangeAddress(1 + 2 * r, 2 + 2 * r, 1, 1));
            i.addMergedRegion(new CellRangeAddress(1 + 2 * r, 2 + 2 * r, 2, 2));
            i.addMergedRegion(new CellRangeAddress(1 + 2 * r, 2 + 2 * r, 3, 3));
        }
        return Workbooks.bytes(wb);
    }
}

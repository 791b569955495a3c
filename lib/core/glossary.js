"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.GLOSSARY_VERSION = void 0;
/**
 * Glossary: the Vietnamese terms of the emulation clusters and the identifiers this code uses for them.
 * Keep names in code aligned with this table so a reader can move between the official documents and
 * the source.
 *
 * | Vietnamese                                   | identifier            | meaning                                   |
 * |----------------------------------------------|-----------------------|-------------------------------------------|
 * | Cụm thi đua                                  | cluster               | group of 7-10 schools that compete        |
 * | Cụm trưởng / Cụm phó                         | clusterLead / deputy  | school leading the cluster this year      |
 * | Đơn vị (trường chính trị tỉnh)               | unit                  | a school being scored                     |
 * | Bảng chấm điểm                               | criteria set          | sections and criteria with max points     |
 * | Tiêu chí / Nội dung                          | criterion             | one scored line of the table              |
 * | Phần / Mục (I, II, ...)                      | section               | a top-level group of criteria             |
 * | Điểm chuẩn                                   | max                   | the most a criterion can give             |
 * | Điểm tự chấm                                 | self (column)         | the school's own score                    |
 * | Điểm Cụm chấm / Điểm đoàn kiểm tra chấm      | inspected (column)    | the cross-inspection team's score         |
 * | Kiểm tra chéo                                | inspection            | the cross-inspection visit                |
 * | Điểm thưởng                                  | bonus                 | extra points, capped                      |
 * | Điểm trừ                                     | deduction / penalty   | points taken off                          |
 * | Cộng (điểm các phần)                         | base                  | sum of the scored sections                |
 * | Tổng điểm                                    | total                 | base + bonus - penalty                    |
 * | Chỉ số (số lớp, số đề tài, ...)              | indicator             | an input a formula criterion uses         |
 * | Minh chứng / Tài liệu kiểm chứng             | evidence              | documents backing a score                 |
 * | Ghi chú (của đoàn kiểm tra)                  | remark                | why the inspector's score differs         |
 * | Xếp hạng                                     | rank                  | position in the cluster                   |
 * | Xếp loại (Xuất sắc, Tốt, Khá, Trung bình)    | classification        | band by total                             |
 * | Cờ thi đua / Bằng khen                       | award                 | emulation flag / certificate of merit     |
 * | Không xét (Cờ thi đua)                       | disqualification      | barred from an award                      |
 * | Chênh lệch                                   | discrepancy           | self vs inspected difference              |
 * | Ma trận điểm                                 | score matrix          | unit x criterion table                    |
 * | Bước điểm                                    | step                  | grid of allowed values, e.g. 0.25         |
 */
exports.GLOSSARY_VERSION = 1;

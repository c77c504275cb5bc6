package io.seedbed.cli.generate;

import io.seedbed.feed.EnergyCarrier;
import java.util.List;

/**
 * The synthetic city's vocabulary: Rizhao's districts, the plan's priority fields mapped to
 * GB/T 4754-2017 industry codes, and the parts synthetic company names are made of.
 */
final class Catalog {
  private Catalog() {}

  /** A county-level division of Rizhao (行政区划代码) and its share of the city's enterprises. */
  record District(String code, String name, String shortName, double weight) {}

  static final List<District> DISTRICTS = List.of(
      new District("371102", "东港区", "日照", 0.31),
      new District("371103", "岚山区", "岚山", 0.19),
      new District("371121", "五莲县", "五莲", 0.12),
      new District("371122", "莒县", "莒县", 0.16),
      new District("371171", "日照经济技术开发区", "日照", 0.19),
      new District("371100", "日照市", "日照", 0.03));

  /** Broad sector: decides the SME size table and whether the firm has land, energy and patents like a factory. */
  enum Sector { INDUSTRY, WHOLESALE, RETAIL, SOFTWARE }

  /**
   * An industry class. {@code kwhPerYuan} is the median electricity use per yuan of sales;
   * {@code extra} the other carriers such firms typically meter; {@code emerging} the chance that the
   * main product is in the strategic emerging industries catalogue.
   */
  record Industry(String code, String field, String word, Sector sector, double weight,
      double kwhPerYuan, List<EnergyCarrier> extra, double emerging) {
    boolean industrial() {
      return sector == Sector.INDUSTRY;
    }
  }

  private static final List<EnergyCarrier> NONE = List.of();
  private static final List<EnergyCarrier> GAS = List.of(EnergyCarrier.NATURAL_GAS);
  private static final List<EnergyCarrier> COAL_GAS = List.of(EnergyCarrier.COAL, EnergyCarrier.NATURAL_GAS);
  private static final List<EnergyCarrier> STEAM_GAS = List.of(EnergyCarrier.STEAM, EnergyCarrier.NATURAL_GAS);
  private static final List<EnergyCarrier> COAL_STEAM = List.of(EnergyCarrier.COAL, EnergyCarrier.STEAM);

  static final List<Industry> INDUSTRIES = List.of(
      new Industry("C3120", "advanced_steel", "钢铁", Sector.INDUSTRY, 0.9, 0.55, COAL_GAS, 0.05),
      new Industry("C3130", "advanced_steel", "钢材", Sector.INDUSTRY, 1.6, 0.30, GAS, 0.05),
      new Industry("C3670", "auto", "汽车零部件", Sector.INDUSTRY, 3.5, 0.12, GAS, 0.35),
      new Industry("C3660", "auto", "专用车", Sector.INDUSTRY, 0.8, 0.08, GAS, 0.25),
      new Industry("C3982", "new_it", "电子", Sector.INDUSTRY, 1.8, 0.10, NONE, 0.8),
      new Industry("C3976", "new_it", "光电", Sector.INDUSTRY, 0.6, 0.12, NONE, 0.9),
      new Industry("C2720", "new_medicine", "制药", Sector.INDUSTRY, 1.0, 0.09, STEAM_GAS, 0.7),
      new Industry("C2761", "new_medicine", "生物", Sector.INDUSTRY, 0.6, 0.10, STEAM_GAS, 0.9),
      new Industry("C2651", "new_materials", "新材料", Sector.INDUSTRY, 1.4, 0.20, STEAM_GAS, 0.7),
      new Industry("C3091", "new_materials", "碳素", Sector.INDUSTRY, 0.5, 0.40, COAL_GAS, 0.6),
      new Industry("C3443", "new_equipment", "阀门", Sector.INDUSTRY, 1.5, 0.07, NONE, 0.4),
      new Industry("C3599", "new_equipment", "机械", Sector.INDUSTRY, 3.0, 0.07, NONE, 0.45),
      new Industry("C2614", "chemicals", "化工", Sector.INDUSTRY, 1.2, 0.25, COAL_STEAM, 0.3),
      new Industry("C2662", "chemicals", "精细化工", Sector.INDUSTRY, 0.9, 0.18, STEAM_GAS, 0.5),
      new Industry("C1331", "grain_oil_food", "粮油", Sector.INDUSTRY, 1.6, 0.05, STEAM_GAS, 0.05),
      new Industry("C1411", "grain_oil_food", "食品", Sector.INDUSTRY, 2.6, 0.06, GAS, 0.05),
      new Industry("C2221", "pulp_paper", "纸业", Sector.INDUSTRY, 0.9, 0.35, COAL_STEAM, 0.15),
      new Industry("C2231", "pulp_paper", "包装", Sector.INDUSTRY, 1.8, 0.10, NONE, 0.1),
      new Industry("C3021", "building_materials", "建材", Sector.INDUSTRY, 2.0, 0.15, COAL_GAS, 0.2),
      new Industry("C3024", "building_materials", "新型建材", Sector.INDUSTRY, 0.8, 0.12, GAS, 0.5),
      new Industry("F5162", "trade", "金属材料", Sector.WHOLESALE, 5.0, 0.003, NONE, 0.0),
      new Industry("F5165", "trade", "建材贸易", Sector.WHOLESALE, 4.0, 0.003, NONE, 0.0),
      new Industry("F5121", "trade", "粮油贸易", Sector.WHOLESALE, 3.0, 0.004, NONE, 0.0),
      new Industry("F5211", "trade", "商贸", Sector.RETAIL, 6.0, 0.02, NONE, 0.0),
      new Industry("F5221", "trade", "粮油超市", Sector.RETAIL, 4.0, 0.025, NONE, 0.0),
      new Industry("I6513", "new_it", "软件", Sector.SOFTWARE, 3.5, 0.01, NONE, 0.8),
      new Industry("I6531", "new_it", "信息技术", Sector.SOFTWARE, 2.0, 0.01, NONE, 0.7));

  /** Word pairs for trade names (字号); two are joined, e.g. 鑫泰. */
  static final List<String> NAME_PARTS = List.of(
      "华", "鑫", "恒", "泰", "瑞", "盛", "宏", "远", "海", "港", "岚", "东", "金", "银", "新", "兴",
      "达", "通", "嘉", "诚", "博", "创", "联", "凯", "富", "源", "德", "明", "信", "安", "丰", "汇",
      "邦", "晟", "昊", "润", "天", "正", "和", "益");

  static final List<String> SURNAMES = List.of("王", "张", "刘", "李", "陈", "杨", "赵", "孙", "徐", "丁");
}

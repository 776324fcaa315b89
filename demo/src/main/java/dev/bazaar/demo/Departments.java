package dev.bazaar.demo;

import static dev.bazaar.contracts.SizeClass.BULKY;
import static dev.bazaar.contracts.SizeClass.LARGE;
import static dev.bazaar.contracts.SizeClass.MEDIUM;
import static dev.bazaar.contracts.SizeClass.SMALL;
import static dev.bazaar.demo.ProductLine.line;

import java.util.List;

/**
 * What the demo shop sells: twelve departments (top-level categories, named as in the Flipkart
 * sample so inbound's category defaults and search facets look familiar), each a few product lines.
 * Brands are invented. Parcel bands follow inbound's size-class thresholds (weight ≤ 1 / 5 / 20 kg,
 * longest side ≤ 30 / 60 / 120 cm): a phone is SMALL, a laptop MEDIUM, a cricket bat LARGE, a sofa BULKY.
 */
final class Departments {

    private static final String[] COLOURS = {
        "Black", "White", "Navy Blue", "Grey", "Maroon", "Olive Green", "Mustard Yellow", "Sky Blue", "Beige", "Red"
    };

    static final List<ProductLine> LINES = List.of(
            // Clothing
            line("TSH", "T-shirt", "Clothing", "Men's Clothing", "T-Shirts")
                    .brands("Urban Loom", "Northline", "Threadwise", "Indigo Street", "Rangrez")
                    .title("{brand} Men's {Pattern} Round Neck {Fabric} T-Shirt ({Color})")
                    .attr("Color", COLOURS)
                    .attr("Pattern", "Solid", "Striped", "Printed", "Colourblock")
                    .attr("Fabric", "Cotton", "Cotton Blend", "Polyester")
                    .attr("Fit", "Regular", "Slim")
                    .attr("Size", "S", "M", "L", "XL", "XXL")
                    .attr("Ideal For", "Men")
                    .price(249, 1_499)
                    .parcel(SMALL, 150, 350, 22, 30),
            line("KUR", "kurta", "Clothing", "Women's Clothing", "Ethnic Wear", "Kurtas")
                    .brands("Rangrez", "Saanjh", "Kaveri Weaves", "Mayur", "Chandni")
                    .title("{brand} Women's {Pattern} {Fabric} Straight Kurta ({Color})")
                    .attr("Color", COLOURS)
                    .attr("Pattern", "Block Print", "Embroidered", "Floral Print", "Solid")
                    .attr("Fabric", "Cotton", "Rayon", "Silk Blend", "Khadi")
                    .attr("Sleeve", "3/4 Sleeve", "Full Sleeve")
                    .attr("Size", "XS", "S", "M", "L", "XL")
                    .attr("Ideal For", "Women")
                    .price(399, 3_499)
                    .parcel(SMALL, 200, 450, 24, 30),
            line("JNS", "pair of jeans", "Clothing", "Men's Clothing", "Jeans")
                    .brands("Northline", "Denimkraft", "Indigo Street", "Urban Loom")
                    .title("{brand} Men's {Fit} Fit Mid Rise {Wash} Jeans")
                    .attr("Wash", "Dark Blue", "Light Blue", "Black", "Grey")
                    .attr("Fit", "Slim", "Regular", "Skinny", "Tapered")
                    .number("Waist Size", 28, 40, 2)
                    .attr("Stretch", "Stretchable", "Non Stretchable")
                    .attr("Ideal For", "Men")
                    .price(699, 2_999)
                    .parcel(SMALL, 450, 800, 26, 30),
            line("DRS", "dress", "Clothing", "Women's Clothing", "Dresses")
                    .brands("Saanjh", "Chandni", "Threadwise", "Mayur")
                    .title("{brand} Women's {Style} Midi Dress ({Color})")
                    .attr("Color", COLOURS)
                    .attr("Style", "A-line", "Fit and Flare", "Wrap", "Shirt", "Tiered")
                    .attr("Fabric", "Georgette", "Crepe", "Cotton", "Viscose")
                    .attr("Size", "XS", "S", "M", "L", "XL")
                    .attr("Ideal For", "Women")
                    .price(499, 2_999)
                    .parcel(SMALL, 200, 400, 24, 30),
            // Footwear
            line("RUN", "pair of running shoes", "Footwear", "Men's Footwear", "Sports Shoes")
                    .brands("Stridex", "Trekline", "Kickstep", "Solemate")
                    .series("Velocity", "Aero", "Tempo", "Dash", "Glide")
                    .title("{brand} {model} Running Shoes For Men ({Color})")
                    .attr("Color", COLOURS)
                    .attr("Outer Material", "Mesh", "Knit", "Synthetic")
                    .attr("Closure", "Lace-Ups")
                    .number("Size UK", 6, 11, 1)
                    .attr("Ideal For", "Men")
                    .price(899, 6_999)
                    .parcel(SMALL, 600, 1_000, 28, 30),
            line("SND", "pair of sandals", "Footwear", "Women's Footwear", "Sandals")
                    .brands("Paduka", "Solemate", "Mojari House", "Kickstep")
                    .title("{brand} Women's {Style} Sandals ({Color})")
                    .attr("Color", "Tan", "Black", "Gold", "Silver", "Pink", "Beige")
                    .attr("Style", "Flat", "Block Heel", "Wedge", "Kolhapuri")
                    .attr("Outer Material", "Synthetic Leather", "Genuine Leather", "PU")
                    .number("Size UK", 3, 8, 1)
                    .attr("Ideal For", "Women")
                    .price(349, 2_499)
                    .parcel(SMALL, 350, 700, 24, 29),
            line("FRM", "pair of formal shoes", "Footwear", "Men's Footwear", "Formal Shoes")
                    .brands("Ranveer & Co", "Solemate", "Paduka")
                    .title("{brand} Men's {Style} Formal Shoes ({Color})")
                    .attr("Color", "Black", "Brown", "Tan", "Burgundy")
                    .attr("Style", "Oxford", "Derby", "Loafer", "Monk Strap")
                    .attr("Outer Material", "Genuine Leather", "Synthetic Leather")
                    .number("Size UK", 6, 11, 1)
                    .attr("Ideal For", "Men")
                    .price(999, 5_999)
                    .parcel(SMALL, 700, 1_000, 29, 30),
            line("SNK", "pair of sneakers", "Footwear", "Unisex Footwear", "Sneakers")
                    .brands("Kickstep", "Stridex", "Trekline")
                    .series("Court", "Street", "Classic", "Retro")
                    .title("{brand} {model} Sneakers ({Color})")
                    .attr("Color", COLOURS)
                    .attr("Outer Material", "Canvas", "Synthetic Leather", "Suede")
                    .attr("Closure", "Lace-Ups", "Slip-On")
                    .number("Size UK", 4, 11, 1)
                    .attr("Ideal For", "Men & Women")
                    .price(699, 4_999)
                    .parcel(SMALL, 500, 950, 27, 30),
            // Mobiles & Accessories
            line("MOB", "smartphone", "Mobiles & Accessories", "Mobiles", "Smartphones")
                    .brands("Zenvolt", "Orbix", "Lumio", "Kairo", "Vexa")
                    .series("Nova", "Pulse", "Edge", "Aura", "Spark", "Prime")
                    .title("{brand} {model} 5G ({Color}, {Storage})")
                    .attr("Color", "Midnight Black", "Ocean Blue", "Pearl White", "Forest Green", "Sunset Orange")
                    .attr("Storage", "64 GB", "128 GB", "256 GB", "512 GB")
                    .attr("RAM", "4 GB", "6 GB", "8 GB", "12 GB")
                    .attr("Display Size", "6.5 inch", "6.6 inch", "6.7 inch")
                    .number("Battery Capacity mAh", 4_500, 6_000, 500)
                    .price(7_999, 79_999)
                    .parcel(SMALL, 300, 500, 17, 20),
            line("PWB", "power bank", "Mobiles & Accessories", "Mobile Accessories", "Power Banks")
                    .brands("Boomr", "Tarang", "Zenvolt", "Voltix")
                    .title("{brand} {Capacity mAh} mAh {Charging} Power Bank ({Color})")
                    .number("Capacity mAh", 10_000, 30_000, 5_000)
                    .attr("Charging", "22.5W Fast Charging", "PD 20W", "Wireless")
                    .attr("Color", "Black", "White", "Blue")
                    .attr("Ports", "2 USB-A + 1 USB-C", "1 USB-A + 1 USB-C")
                    .price(699, 3_499)
                    .parcel(SMALL, 250, 650, 15, 20),
            line("HPH", "pair of wireless headphones", "Mobiles & Accessories", "Mobile Accessories", "Headphones")
                    .brands("Boomr", "Tarang", "Sonique", "Orbix")
                    .series("Rockerz", "Bass", "Studio", "Air", "Wave")
                    .title("{brand} {model} Wireless Headphones with Mic ({Color}, {Type})")
                    .attr("Color", "Black", "Blue", "White", "Red", "Beige")
                    .attr("Type", "Over the Ear", "On the Ear", "In the Ear")
                    .number("Battery Life Hours", 10, 60, 5)
                    .attr("Noise Cancellation", "Active", "Environmental", "None")
                    .price(799, 14_999)
                    .parcel(SMALL, 250, 600, 18, 26),
            line("CAS", "phone case", "Mobiles & Accessories", "Mobile Accessories", "Cases & Covers")
                    .brands("Casekraft", "Tarang", "Shield Works")
                    .title("{brand} {Material} Back Cover for {Fits} ({Color})")
                    .attr("Material", "Silicone", "Polycarbonate", "TPU", "Leather")
                    .attr("Fits", "Zenvolt Nova", "Orbix Pulse", "Lumio Edge", "Kairo Aura", "Vexa Spark")
                    .attr("Color", "Transparent", "Black", "Blue", "Red", "Green")
                    .price(149, 999)
                    .parcel(SMALL, 50, 150, 17, 22),
            // Computers
            line("LAP", "laptop", "Computers", "Laptops")
                    .brands("Compuvia", "Nexbyte", "Lumio", "Pixelon")
                    .series("Book", "Swift", "Vector", "Pro", "Air")
                    .title("{brand} {model} {Processor} Laptop ({RAM}/{SSD} SSD/Windows 11 Home) {Screen} inch")
                    .attr(
                            "Processor",
                            "Core i5 12th Gen",
                            "Core i7 13th Gen",
                            "Ryzen 5 7530U",
                            "Ryzen 7 7730U",
                            "Core i3 12th Gen")
                    .attr("RAM", "8 GB", "16 GB", "32 GB")
                    .attr("SSD", "512 GB", "1 TB")
                    .attr("Screen", "14", "15.6", "16")
                    .attr("Color", "Silver", "Grey", "Black")
                    .price(29_999, 1_49_999)
                    .parcel(MEDIUM, 1_800, 3_200, 40, 50),
            line("KBD", "keyboard", "Computers", "Computer Accessories", "Keyboards")
                    .brands("Keystone", "Nexbyte", "Pixelon")
                    .title("{brand} {Connectivity} {Kind} Keyboard ({Layout})")
                    .attr("Connectivity", "Wireless", "Wired USB", "Bluetooth")
                    .attr("Kind", "Mechanical", "Membrane", "Low Profile")
                    .attr("Layout", "Full Size", "TKL", "75%")
                    .attr("Backlight", "RGB", "White", "None")
                    .price(499, 7_999)
                    .parcel(MEDIUM, 500, 1_400, 35, 48),
            line("MSE", "mouse", "Computers", "Computer Accessories", "Mice")
                    .brands("Keystone", "Nexbyte", "Pixelon", "Lumio")
                    .series("Glide", "Swift", "Click")
                    .title("{brand} {model} {Connectivity} Optical Mouse ({Color})")
                    .attr("Connectivity", "Wireless", "Wired", "Bluetooth")
                    .attr("Color", "Black", "White", "Grey")
                    .number("DPI", 1_000, 16_000, 1_000)
                    .price(249, 4_999)
                    .parcel(SMALL, 80, 200, 12, 18),
            line("MON", "monitor", "Computers", "Monitors")
                    .brands("Pixelon", "Compuvia", "Nexbyte")
                    .title("{brand} {Screen} inch {Resolution} {Panel} Monitor ({Refresh} Hz)")
                    .attr("Screen", "24", "27", "32")
                    .attr("Resolution", "Full HD", "QHD", "4K UHD")
                    .attr("Panel", "IPS", "VA")
                    .number("Refresh", 60, 165, 15)
                    .price(7_999, 49_999)
                    .parcel(LARGE, 4_000, 9_000, 65, 85),
            // Kitchen & Dining
            line("PCK", "pressure cooker", "Kitchen & Dining", "Cookware", "Pressure Cookers")
                    .brands("Annapurna", "Kitchenkraft", "Steelo", "Tawa & Co")
                    .title("{brand} {Material} {Capacity L} L Pressure Cooker with {Lid}")
                    .attr("Material", "Aluminium", "Stainless Steel", "Hard Anodised")
                    .number("Capacity L", 2, 7, 1)
                    .attr("Lid", "Inner Lid", "Outer Lid")
                    .attr("Induction Compatible", "Yes", "No")
                    .price(799, 4_999)
                    .parcel(MEDIUM, 1_500, 4_000, 32, 45),
            line("KTL", "electric kettle", "Kitchen & Dining", "Kitchen Appliances", "Electric Kettles")
                    .brands("Kitchenkraft", "Steelo", "Ushma")
                    .title("{brand} {Capacity L} L Electric Kettle ({Material}, {Power W} W)")
                    .number("Capacity L", 1, 2, 1)
                    .attr("Material", "Stainless Steel", "Glass", "Plastic")
                    .number("Power W", 1_200, 1_800, 300)
                    .attr("Auto Shut-off", "Yes")
                    .price(599, 2_999)
                    .parcel(MEDIUM, 900, 1_600, 31, 38),
            line("MXG", "mixer grinder", "Kitchen & Dining", "Kitchen Appliances", "Mixer Grinders")
                    .brands("Ushma", "Annapurna", "Masala Box")
                    .series("Turbo", "Chef", "Royale")
                    .title("{brand} {model} {Power W} W Mixer Grinder ({Jars} Jars, {Color})")
                    .number("Power W", 500, 1_000, 250)
                    .number("Jars", 2, 4, 1)
                    .attr("Color", "White", "Red", "Black", "Purple")
                    .price(1_999, 8_999)
                    .parcel(MEDIUM, 2_800, 4_900, 38, 55),
            line("DIN", "dinner set", "Kitchen & Dining", "Dining", "Dinner Sets")
                    .brands("Tawa & Co", "Steelo", "Rasoi Ware")
                    .title("{brand} {Pieces} Pieces {Material} Dinner Set ({Color})")
                    .number("Pieces", 18, 48, 6)
                    .attr("Material", "Melamine", "Stainless Steel", "Ceramic", "Opalware")
                    .attr("Color", "White", "Floral", "Blue", "Green")
                    .price(999, 7_999)
                    .parcel(MEDIUM, 2_500, 5_000, 35, 55),
            line("BTL", "water bottle", "Kitchen & Dining", "Dining", "Water Bottles")
                    .brands("Steelo", "Kitchenkraft", "Thermosa")
                    .title("{brand} {Kind} Water Bottle {Capacity ml} ml ({Color})")
                    .attr("Kind", "Insulated Steel", "Copper", "Glass", "Tritan")
                    .number("Capacity ml", 500, 1_500, 250)
                    .attr("Color", "Silver", "Black", "Blue", "Copper", "Green")
                    .price(249, 1_999)
                    .parcel(SMALL, 200, 700, 22, 30),
            // Home Furnishing
            line("BED", "bedsheet", "Home Furnishing", "Bed Linen", "Bedsheets")
                    .brands("Sutra Home", "Neelam Linen", "Cottonworks", "Rajasthali")
                    .title(
                            "{brand} {Thread Count} TC {Fabric} {Bed Size} Bedsheet with 2 Pillow Covers ({Pattern}, {Color})")
                    .number("Thread Count", 144, 400, 16)
                    .attr("Fabric", "Cotton", "Microfibre", "Polycotton")
                    .attr("Bed Size", "Double", "Queen", "King")
                    .attr("Pattern", "Floral", "Geometric", "Jaipuri Print", "Solid")
                    .attr("Color", COLOURS)
                    .price(399, 2_999)
                    .parcel(MEDIUM, 700, 1_800, 32, 42),
            line("CRT", "curtain", "Home Furnishing", "Curtains & Accessories", "Curtains")
                    .brands("Dreamweave", "Sutra Home", "Rajasthali")
                    .title("{brand} {Length ft} ft {Fabric} {Light} Door Curtain, Pack of 2 ({Color})")
                    .number("Length ft", 5, 9, 2)
                    .attr("Fabric", "Polyester", "Cotton", "Jacquard")
                    .attr("Light", "Blackout", "Semi-Transparent", "Room Darkening")
                    .attr("Color", COLOURS)
                    .price(449, 2_499)
                    .parcel(MEDIUM, 800, 2_000, 31, 40),
            line("CUS", "cushion cover", "Home Furnishing", "Cushions & Pillows", "Cushion Covers")
                    .brands("Cottonworks", "Rajasthali", "Dreamweave")
                    .title("{brand} {Pattern} {Fabric} Cushion Covers, Pack of {Pack} ({Size})")
                    .attr("Pattern", "Embroidered", "Printed", "Solid", "Ikat")
                    .attr("Fabric", "Cotton", "Velvet", "Jute")
                    .number("Pack", 2, 5, 1)
                    .attr("Size", "40 x 40 cm", "45 x 45 cm", "60 x 60 cm")
                    .price(299, 1_499)
                    .parcel(SMALL, 200, 700, 22, 30),
            line("TWL", "towel", "Home Furnishing", "Bath Linen", "Towels")
                    .brands("Neelam Linen", "Cottonworks", "Sutra Home")
                    .title("{brand} {GSM} GSM {Fabric} Bath Towel Set of {Pack} ({Color})")
                    .number("GSM", 400, 600, 50)
                    .attr("Fabric", "Cotton", "Bamboo", "Microfibre")
                    .number("Pack", 1, 4, 1)
                    .attr("Color", COLOURS)
                    .price(299, 1_999)
                    .parcel(MEDIUM, 500, 1_500, 31, 40),
            // Home Appliances
            line("FRG", "refrigerator", "Home Appliances", "Refrigerators")
                    .brands("Arctiq", "Himshakti", "Voltaire Home", "Coolbreeze")
                    .title("{brand} {Capacity L} L {Stars} Star {Kind} Refrigerator ({Color})")
                    .number("Capacity L", 185, 650, 15)
                    .number("Stars", 2, 5, 1)
                    .attr(
                            "Kind",
                            "Frost Free Double Door",
                            "Direct Cool Single Door",
                            "Side by Side",
                            "Convertible Triple Door")
                    .attr("Color", "Steel Grey", "Silver", "Black Glass", "Floral Red")
                    .price(12_999, 1_29_999)
                    .parcel(BULKY, 38_000, 110_000, 125, 185),
            line("WSH", "washing machine", "Home Appliances", "Washing Machines")
                    .brands("Arctiq", "Voltaire Home", "Himshakti")
                    .title("{brand} {Capacity kg} kg {Kind} Washing Machine ({Color})")
                    .number("Capacity kg", 6, 12, 1)
                    .attr("Kind", "Fully Automatic Front Load", "Fully Automatic Top Load", "Semi Automatic Top Load")
                    .attr("Color", "White", "Silver", "Grey")
                    .price(11_999, 64_999)
                    .parcel(BULKY, 25_000, 75_000, 85, 110),
            line("MWO", "microwave oven", "Home Appliances", "Microwave Ovens")
                    .brands("Ushma", "Voltaire Home", "Arctiq")
                    .title("{brand} {Capacity L} L {Kind} Microwave Oven ({Color})")
                    .number("Capacity L", 20, 32, 2)
                    .attr("Kind", "Solo", "Grill", "Convection")
                    .attr("Color", "Black", "Silver", "White")
                    .price(4_999, 24_999)
                    .parcel(LARGE, 10_000, 18_000, 45, 60),
            line("FAN", "ceiling fan", "Home Appliances", "Fans", "Ceiling Fans")
                    .brands("Coolbreeze", "Himshakti", "Pawan")
                    .title("{brand} {Sweep mm} mm {Motor} Ceiling Fan ({Color})")
                    .number("Sweep mm", 900, 1_400, 100)
                    .attr("Motor", "BLDC", "Energy Saving", "High Speed")
                    .attr("Color", "White", "Brown", "Ivory", "Smoke Grey")
                    .price(1_499, 6_999)
                    .parcel(MEDIUM, 2_500, 4_800, 45, 60),
            line("COL", "air cooler", "Home Appliances", "Air Coolers")
                    .brands("Coolbreeze", "Pawan", "Arctiq")
                    .title("{brand} {Capacity L} L {Kind} Air Cooler with Honeycomb Pads")
                    .number("Capacity L", 20, 90, 10)
                    .attr("Kind", "Desert", "Personal", "Tower")
                    .attr("Color", "White", "Grey", "Brown")
                    .price(4_499, 16_999)
                    .parcel(LARGE, 7_000, 19_000, 65, 118),
            // Furniture
            line("SOF", "sofa", "Furniture", "Living Room Furniture", "Sofas")
                    .brands("Woodcraft India", "Sheesham Story", "Urban Nest", "Oakline")
                    .title("{brand} {Seats} Seater {Material} Sofa ({Color})")
                    .number("Seats", 2, 5, 1)
                    .attr("Material", "Fabric", "Leatherette", "Velvet", "Solid Wood")
                    .attr("Color", "Grey", "Beige", "Teal", "Brown", "Mustard")
                    .price(12_999, 89_999)
                    .parcel(BULKY, 30_000, 90_000, 150, 230),
            line("BDF", "bed", "Furniture", "Bedroom Furniture", "Beds")
                    .brands("Sheesham Story", "Woodcraft India", "Takht")
                    .title("{brand} {Wood} {Bed Size} Bed with {Storage} ({Finish} Finish)")
                    .attr("Wood", "Sheesham Wood", "Engineered Wood", "Mango Wood", "Teak Wood")
                    .attr("Bed Size", "Queen", "King", "Single")
                    .attr("Storage", "Box Storage", "Hydraulic Storage", "No Storage")
                    .attr("Finish", "Honey", "Walnut", "Natural", "Wenge")
                    .price(14_999, 79_999)
                    .parcel(BULKY, 45_000, 140_000, 190, 215),
            line("OCH", "office chair", "Furniture", "Office Furniture", "Office Chairs")
                    .brands("Urban Nest", "Oakline", "Ergoseat")
                    .series("Ergo", "Task", "Executive")
                    .title("{brand} {model} {Back} Office Chair with {Armrest} Armrests ({Color})")
                    .attr("Back", "Mesh High Back", "Mesh Mid Back", "Leatherette High Back")
                    .attr("Armrest", "Fixed", "Adjustable", "Flip-up")
                    .attr("Color", "Black", "Grey", "Blue")
                    .price(3_999, 24_999)
                    .parcel(LARGE, 9_000, 19_000, 62, 80),
            line("STB", "study table", "Furniture", "Office Furniture", "Study Tables")
                    .brands("Woodcraft India", "Urban Nest", "Oakline")
                    .title("{brand} {Material} Study Table with {Storage} ({Finish} Finish)")
                    .attr("Material", "Engineered Wood", "Solid Wood", "Metal and Wood")
                    .attr("Storage", "Drawer", "Shelves", "Bookshelf", "No Storage")
                    .attr("Finish", "Walnut", "White", "Wenge", "Oak")
                    .price(2_999, 19_999)
                    .parcel(LARGE, 8_000, 20_000, 75, 120),
            line("WRD", "wardrobe", "Furniture", "Bedroom Furniture", "Wardrobes")
                    .brands("Sheesham Story", "Takht", "Woodcraft India")
                    .title("{brand} {Doors} Door {Material} Wardrobe ({Finish}, {Mirror})")
                    .number("Doors", 2, 4, 1)
                    .attr("Material", "Engineered Wood", "Solid Wood", "Metal")
                    .attr("Mirror", "With Mirror", "Without Mirror")
                    .attr("Finish", "Walnut", "White", "Wenge")
                    .price(9_999, 59_999)
                    .parcel(BULKY, 40_000, 120_000, 180, 210),
            // Sports & Fitness
            line("YGM", "yoga mat", "Sports & Fitness", "Exercise & Fitness", "Yoga Mats")
                    .brands("Fitkraft", "Peak Pulse", "Sprintex")
                    .title("{brand} {Thickness mm} mm {Material} Yoga Mat with Strap ({Color})")
                    .number("Thickness mm", 4, 10, 2)
                    .attr("Material", "TPE", "NBR", "PVC", "Natural Rubber")
                    .attr("Color", "Purple", "Blue", "Green", "Black", "Pink")
                    .price(399, 2_999)
                    .parcel(LARGE, 800, 2_500, 61, 68),
            line("DBL", "dumbbell set", "Sports & Fitness", "Exercise & Fitness", "Dumbbells")
                    .brands("Fitkraft", "Khiladi", "Iron Akhada")
                    .title("{brand} {Total kg} kg {Material} Adjustable Dumbbell Set")
                    .number("Total kg", 6, 20, 2)
                    .attr("Material", "PVC", "Rubber Coated", "Cast Iron")
                    .price(899, 5_999)
                    .parcel(LARGE, 6_500, 20_000, 35, 50),
            line("CYC", "bicycle", "Sports & Fitness", "Cycling", "Cycles")
                    .brands("Sprintex", "Trekline", "Peak Pulse")
                    .series("Rider", "Voyager", "Storm", "Comet")
                    .title("{brand} {model} {Wheel} T {Kind} Cycle ({Gears})")
                    .number("Wheel", 20, 29, 1)
                    .attr("Kind", "Mountain", "Hybrid", "Road", "City")
                    .attr("Gears", "Single Speed", "7 Speed", "21 Speed")
                    .attr("Frame", "Steel", "Alloy")
                    .price(4_999, 39_999)
                    .parcel(BULKY, 12_000, 18_000, 130, 170),
            line("BAT", "cricket bat", "Sports & Fitness", "Cricket", "Cricket Bats")
                    .brands("Khiladi", "Crease & Co", "Sixer")
                    .series("Master", "Blaster", "Classic", "Legend")
                    .title("{brand} {model} {Willow} Cricket Bat ({Size})")
                    .attr("Willow", "English Willow", "Kashmir Willow", "Popular Willow")
                    .attr("Size", "Full Size", "Size 6", "Size 5", "Harrow")
                    .attr("Grip", "Cane Handle")
                    .price(799, 24_999)
                    .parcel(LARGE, 1_000, 1_400, 80, 90),
            line("FTB", "football", "Sports & Fitness", "Football", "Footballs")
                    .brands("Khiladi", "Sprintex", "Goalpost")
                    .title("{brand} {Kind} Football Size {Size} ({Color})")
                    .attr("Kind", "Match", "Training", "Street")
                    .number("Size", 3, 5, 1)
                    .attr("Color", "White", "Yellow", "Orange", "Blue")
                    .price(349, 2_999)
                    .parcel(SMALL, 380, 460, 22, 26),
            // Beauty and Personal Care
            line("FWS", "face wash", "Beauty and Personal Care", "Skin Care", "Face Wash")
                    .brands("Tulsi Naturals", "Glowra", "Ayurvedam", "Kesar Bloom")
                    .title("{brand} {Ingredient} Face Wash for {Skin} Skin {Volume ml} ml")
                    .attr("Ingredient", "Neem", "Vitamin C", "Aloe Vera", "Charcoal", "Turmeric", "Salicylic Acid")
                    .attr("Skin", "Oily", "Dry", "All", "Sensitive")
                    .number("Volume ml", 50, 200, 50)
                    .price(99, 599)
                    .parcel(SMALL, 80, 260, 12, 20),
            line("SHP", "shampoo", "Beauty and Personal Care", "Hair Care", "Shampoos")
                    .brands("Ayurvedam", "Glowra", "Kesar Bloom")
                    .title("{brand} {Ingredient} {Concern} Shampoo {Volume ml} ml")
                    .attr("Ingredient", "Onion", "Amla", "Argan Oil", "Bhringraj", "Keratin")
                    .attr("Concern", "Anti-Dandruff", "Hair Fall Control", "Smooth & Shine", "Volume")
                    .number("Volume ml", 180, 650, 90)
                    .price(149, 799)
                    .parcel(SMALL, 200, 720, 18, 26),
            line("TRM", "trimmer", "Beauty and Personal Care", "Men's Grooming", "Trimmers")
                    .brands("Zenith Grooming", "Voltix", "Glowra")
                    .series("Edge", "Precision", "Pro")
                    .title("{brand} {model} Beard Trimmer with {Runtime min} min Runtime ({Color})")
                    .number("Runtime min", 45, 180, 15)
                    .attr("Color", "Black", "Blue", "Grey")
                    .attr("Waterproof", "Yes", "No")
                    .price(699, 3_999)
                    .parcel(SMALL, 200, 500, 18, 25),
            line("PRF", "perfume", "Beauty and Personal Care", "Fragrances", "Perfumes")
                    .brands("Kesar Bloom", "Attar House", "Zenith Grooming")
                    .title("{brand} {Note} Eau de Parfum {Volume ml} ml for {Ideal For}")
                    .attr("Note", "Oud", "Sandalwood", "Rose", "Citrus", "Vetiver", "Jasmine")
                    .number("Volume ml", 30, 100, 10)
                    .attr("Ideal For", "Men", "Women", "Men & Women")
                    .price(299, 3_999)
                    .parcel(SMALL, 150, 450, 12, 18),
            // Watches
            line("AWM", "analog watch", "Watches", "Wrist Watches", "Men's Watches")
                    .brands("Samay", "Chronex", "Vertex")
                    .series("Heritage", "Voyager", "Metro", "Regal")
                    .title("{brand} {model} Analog Watch for Men ({Dial} Dial, {Strap} Strap)")
                    .attr("Dial", "Black", "Blue", "White", "Green", "Silver")
                    .attr("Strap", "Leather", "Stainless Steel", "Silicone")
                    .attr("Water Resistance", "30 m", "50 m", "100 m")
                    .price(799, 14_999)
                    .parcel(SMALL, 150, 350, 10, 15),
            line("AWW", "analog watch", "Watches", "Wrist Watches", "Women's Watches")
                    .brands("Samay", "Chronex", "Tikka Time")
                    .series("Bloom", "Grace", "Petal", "Aria")
                    .title("{brand} {model} Analog Watch for Women ({Dial} Dial, {Strap} Strap)")
                    .attr("Dial", "Rose Gold", "Mother of Pearl", "White", "Pink")
                    .attr("Strap", "Mesh", "Leather", "Bracelet")
                    .attr("Water Resistance", "30 m", "50 m")
                    .price(699, 11_999)
                    .parcel(SMALL, 120, 300, 10, 15),
            line("SWT", "smartwatch", "Watches", "Smart Watches")
                    .brands("Zenvolt", "Boomr", "Orbix", "Vexa")
                    .series("Fit", "Active", "Ultra", "Lite")
                    .title(
                            "{brand} {model} Smartwatch {Display} inch {Screen} Display with Bluetooth Calling ({Color})")
                    .attr("Display", "1.43", "1.83", "1.96", "2.01")
                    .attr("Screen", "AMOLED", "HD")
                    .number("Battery Life Days", 5, 15, 1)
                    .attr("Color", "Black", "Silver", "Pink", "Olive")
                    .price(1_199, 9_999)
                    .parcel(SMALL, 150, 400, 12, 18),
            // Toys & School Supplies
            line(
                            "BLK",
                            "building block set",
                            "Toys & School Supplies",
                            "Learning & Educational Toys",
                            "Building Blocks")
                    .brands("Khel Khilona", "Brickly", "Toyshala")
                    .title("{brand} {Theme} Building Blocks Set, {Pieces} Pieces ({Age}+ Years)")
                    .attr("Theme", "City", "Space", "Farm", "Vehicles", "Castle")
                    .number("Pieces", 100, 1_000, 50)
                    .number("Age", 3, 12, 1)
                    .price(299, 4_999)
                    .parcel(MEDIUM, 400, 2_500, 31, 55),
            line("RCC", "remote control car", "Toys & School Supplies", "Remote Control Toys", "Cars")
                    .brands("Toyshala", "Zoomies", "Khel Khilona")
                    .title("{brand} {Scale} Rechargeable {Kind} RC Car ({Color})")
                    .attr("Scale", "1:12", "1:16", "1:18", "1:24")
                    .attr("Kind", "Monster Truck", "Racing", "Stunt", "Rock Crawler")
                    .attr("Color", "Red", "Blue", "Green", "Yellow")
                    .number("Age", 6, 14, 2)
                    .price(599, 4_999)
                    .parcel(MEDIUM, 600, 2_800, 32, 50),
            line("SBG", "school bag", "Toys & School Supplies", "School Supplies", "School Bags")
                    .brands("Bastaa", "Toyshala", "Campus Kraft")
                    .title("{brand} {Capacity L} L {Print} School Backpack ({Color})")
                    .number("Capacity L", 18, 35, 1)
                    .attr("Print", "Space", "Unicorn", "Superhero", "Plain", "Dinosaur")
                    .attr("Color", "Blue", "Pink", "Black", "Red")
                    .price(399, 2_499)
                    .parcel(MEDIUM, 400, 1_000, 38, 48),
            line("BGM", "board game", "Toys & School Supplies", "Games & Puzzles", "Board Games")
                    .brands("Khel Khilona", "Chaupar Games", "Brickly")
                    .title("{brand} {Game} Board Game for {Players} Players")
                    .attr("Game", "Ludo and Snakes & Ladders", "Chess", "Carrom", "Business", "Word Builder")
                    .attr("Players", "2-4", "2-6", "2")
                    .number("Age", 5, 12, 1)
                    .price(199, 2_999)
                    .parcel(MEDIUM, 400, 3_500, 31, 60));

    private Departments() {}
}
